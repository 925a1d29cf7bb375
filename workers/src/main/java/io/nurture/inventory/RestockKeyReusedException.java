package io.nurture.inventory;

/** An Idempotency-Key already restocked another product or quantity (the API answers 422). */
public class RestockKeyReusedException extends RuntimeException {

    RestockKeyReusedException() {
        super("This Idempotency-Key already restocked another product or quantity");
    }
}
