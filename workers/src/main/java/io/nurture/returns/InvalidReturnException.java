package io.nurture.returns;

/** A return or inspection that is well-formed but cannot be taken as sent: a line not in the order, more than was delivered. */
public class InvalidReturnException extends RuntimeException {

    private final String field;
    private final String reason;

    InvalidReturnException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The request's field, as the API names it. */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
