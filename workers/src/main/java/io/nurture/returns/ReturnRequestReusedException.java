package io.nurture.returns;

/** An Idempotency-Key already asked for a return with another order or other lines (the API answers 422). */
public class ReturnRequestReusedException extends RuntimeException {

    ReturnRequestReusedException() {
        super("This Idempotency-Key already asked for a return with another order or other lines");
    }
}
