package io.nurture.api;

/** The request is understood but the resource's state forbids it (409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
