package io.nurture.request;

/**
 * A request that is well-formed but cannot be taken as sent, refused for one field: {@code field}
 * names it as the API does (e.g. {@code customers[2].email}), {@code reason} says why, to be read
 * after it ("is not in the catalogue").
 */
public abstract class InvalidFieldException extends RuntimeException {

    private final String field;
    private final String reason;

    protected InvalidFieldException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
