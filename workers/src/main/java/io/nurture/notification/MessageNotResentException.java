package io.nurture.notification;

/** A marketing message is not sent again by hand: the contact policy decides who gets marketing. */
public class MessageNotResentException extends RuntimeException {

    MessageNotResentException(long messageId) {
        super("Message " + messageId + " is marketing: only messages about the order itself are sent again");
    }
}
