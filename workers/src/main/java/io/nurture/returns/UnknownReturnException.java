package io.nurture.returns;

public class UnknownReturnException extends RuntimeException {

    UnknownReturnException(String returnId) {
        super("No return " + returnId);
    }
}
