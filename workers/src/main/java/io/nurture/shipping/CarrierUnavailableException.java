package io.nurture.shipping;

/** The carrier could not be reached or failed: a technical problem, worth retrying. */
class CarrierUnavailableException extends RuntimeException {

    public CarrierUnavailableException(String message) {
        super(message);
    }
}
