package io.nurture.shipping;

/** The carrier could not be reached or failed: a technical problem, worth retrying. */
public class CarrierUnavailableException extends RuntimeException {

    public CarrierUnavailableException(String message) {
        super(message);
    }
}
