package io.nurture.notification;

/**
 * A message that is not sent again by hand: a marketing or triggered one (the contact policy
 * decides who gets those), or one to a customer since erased (nothing of it is left to send).
 */
public class MessageNotResentException extends RuntimeException {

    MessageNotResentException(long messageId, String reason) {
        super("Message " + messageId + " is not sent again: " + reason);
    }
}
