package io.nurture.checkout;

/** An order that is well-formed but cannot be placed as sent: an unknown SKU, a coupon of someone else's. */
public class InvalidOrderException extends RuntimeException {

    private final String field;
    private final String reason;

    InvalidOrderException(String field, String reason) {
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
