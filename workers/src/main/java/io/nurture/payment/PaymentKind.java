package io.nurture.payment;

public enum PaymentKind {
    /** A card charge through the payment provider. */
    CHARGE,
    /** Money received for an invoice. */
    INVOICE,
    /** Money given back after a cancellation. */
    REFUND,
    /** Part of what the order took, given back by staff without a return (an order may have several). */
    GOODWILL_REFUND;

    /** Money given back, or owed back. */
    boolean givesBack() {
        return this == REFUND || this == GOODWILL_REFUND;
    }
}
