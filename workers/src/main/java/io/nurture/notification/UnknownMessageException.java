package io.nurture.notification;

/** No message with this id was sent to the customer about this order. */
public class UnknownMessageException extends RuntimeException {

    UnknownMessageException(long messageId, String orderId) {
        super("No message " + messageId + " was sent to the customer of order " + orderId);
    }
}
