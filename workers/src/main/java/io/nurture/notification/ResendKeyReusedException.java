package io.nurture.notification;

/** An Idempotency-Key already sent another message again (the API answers 422). */
public class ResendKeyReusedException extends RuntimeException {

    ResendKeyReusedException() {
        super("This Idempotency-Key already sent another message again");
    }
}
