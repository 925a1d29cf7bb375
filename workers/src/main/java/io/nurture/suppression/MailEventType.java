package io.nurture.suppression;

/** What a mail provider reports about a mail it tried to deliver, as far as Nurture acts on it. */
public enum MailEventType {
    /** The address does not exist or refuses mail for good: suppressed at once. */
    HARD_BOUNCE,
    /** A passing refusal (mailbox full, server busy): suppressed once they pile up. */
    SOFT_BOUNCE,
    /** The recipient marked the mail as spam: suppressed at once. */
    COMPLAINT
}
