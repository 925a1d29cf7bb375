package io.nurture.payment;

/** The provider could not be reached or failed: a technical problem, worth retrying. */
public class PaymentProviderUnavailableException extends RuntimeException {

    public PaymentProviderUnavailableException(String message) {
        super(message);
    }
}
