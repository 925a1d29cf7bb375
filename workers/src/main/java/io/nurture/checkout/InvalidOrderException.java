package io.nurture.checkout;

import io.nurture.request.InvalidFieldException;

/** An order that is well-formed but cannot be placed as sent: an unknown SKU, a coupon of someone else's. */
public class InvalidOrderException extends InvalidFieldException {

    InvalidOrderException(String field, String reason) {
        super(field, reason);
    }
}
