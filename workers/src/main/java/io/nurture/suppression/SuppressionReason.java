package io.nurture.suppression;

/** Why an address gets no more mail. */
public enum SuppressionReason {
    HARD_BOUNCE,
    COMPLAINT,
    /** {@code nurture.mail-events.soft-bounce-limit} soft bounces within {@code soft-bounce-window}. */
    SOFT_BOUNCES
}
