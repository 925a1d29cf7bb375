package io.nurture.payment;

import java.util.List;

public enum PaymentKind {
    /** A card charge through the payment provider. */
    CHARGE,
    /** Money received for an invoice. */
    INVOICE,
    /** Money given back after a cancellation. */
    REFUND,
    /** Part of what the order took, given back by staff without a return (an order may have several). */
    GOODWILL_REFUND;

    /** The kinds that give money back, or owe it back. */
    static final List<PaymentKind> GIVING_BACK = List.of(REFUND, GOODWILL_REFUND);

    boolean givesBack() {
        return GIVING_BACK.contains(this);
    }
}
