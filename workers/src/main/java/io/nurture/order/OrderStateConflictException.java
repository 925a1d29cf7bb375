package io.nurture.order;

/** What was asked of an order is not possible in its current status (the API answers 409). */
public class OrderStateConflictException extends RuntimeException {

    public OrderStateConflictException(String message) {
        super(message);
    }
}
