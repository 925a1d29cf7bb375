package io.nurture.returns;

/** A staff decision the return is not waiting for: a review of one not in review, an inspection before the parcel is back. */
public class ReturnStateConflictException extends RuntimeException {

    ReturnStateConflictException(String message) {
        super(message);
    }
}
