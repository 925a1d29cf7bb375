package io.nurture.payment;

public enum PaymentKind {
    /** A card charge through the payment provider. */
    CHARGE,
    /** Money received for an invoice. */
    INVOICE,
    /** Money given back after a cancellation. */
    REFUND
}
