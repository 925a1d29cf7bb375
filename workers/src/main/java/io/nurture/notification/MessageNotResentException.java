package io.nurture.notification;

/** Only transactional messages are sent again by hand: the contact policy decides who gets the others. */
public class MessageNotResentException extends RuntimeException {

    MessageNotResentException(long messageId) {
        super("Message " + messageId
                + " is not about the order itself (marketing or triggered): only those are sent again");
    }
}
