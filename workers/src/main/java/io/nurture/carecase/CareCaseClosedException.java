package io.nurture.carecase;

/** A resolution for a care case that is no longer open. */
public class CareCaseClosedException extends RuntimeException {

    public CareCaseClosedException(String caseId, String status) {
        super("Care case " + caseId + " is already " + status);
    }
}
