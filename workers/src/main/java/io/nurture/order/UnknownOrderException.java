package io.nurture.order;

public class UnknownOrderException extends RuntimeException {

    public UnknownOrderException(String orderId) {
        super("No order " + orderId);
    }
}
