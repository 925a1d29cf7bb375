package io.nurture.customer;

/** A person in an import that cannot be taken as given; {@code field} names it, e.g. {@code customers[2].email}. */
public class InvalidImportException extends RuntimeException {

    private final String field;
    private final String reason;

    InvalidImportException(String field, String reason) {
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
