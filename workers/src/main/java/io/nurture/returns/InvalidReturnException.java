package io.nurture.returns;

import io.nurture.request.InvalidFieldException;

/** A return or inspection that is well-formed but cannot be taken as sent: a line not in the order, more than was delivered. */
public class InvalidReturnException extends InvalidFieldException {

    InvalidReturnException(String field, String reason) {
        super(field, reason);
    }
}
