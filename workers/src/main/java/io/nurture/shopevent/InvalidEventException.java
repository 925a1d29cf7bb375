package io.nurture.shopevent;

/** An event the shop sent cannot be taken as it is; {@code field} names it, e.g. {@code events[2].sku}. */
public class InvalidEventException extends RuntimeException {

    private final String field;

    InvalidEventException(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage().substring(field.length() + 1);
    }
}
