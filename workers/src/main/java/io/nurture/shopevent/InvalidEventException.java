package io.nurture.shopevent;

import io.nurture.request.InvalidFieldException;

/** An event the shop sent cannot be taken as it is; {@code field} names it, e.g. {@code events[2].sku}. */
public class InvalidEventException extends InvalidFieldException {

    InvalidEventException(String field, String reason) {
        super(field, reason);
    }
}
