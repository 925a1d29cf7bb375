package io.nurture.checkout;

/** A client sent an Idempotency-Key again with a different order. */
public class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException(String key) {
        super("Idempotency key '" + key + "' was already used with a different request body");
    }
}
