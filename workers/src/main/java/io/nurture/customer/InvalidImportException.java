package io.nurture.customer;

import io.nurture.request.InvalidFieldException;

/** A person in an import that cannot be taken as given; {@code field} names it, e.g. {@code customers[2].email}. */
public class InvalidImportException extends InvalidFieldException {

    InvalidImportException(String field, String reason) {
        super(field, reason);
    }
}
