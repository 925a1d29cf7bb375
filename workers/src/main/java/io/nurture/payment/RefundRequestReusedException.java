package io.nurture.payment;

/** An Idempotency-Key already granted a goodwill refund with another order, amount or reason (the API answers 422). */
public class RefundRequestReusedException extends RuntimeException {

    RefundRequestReusedException() {
        super("This Idempotency-Key already granted a goodwill refund with another order, amount or reason");
    }
}
