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
    GOODWILL_REFUND,
    /** What returned items accepted at inspection are worth, given back (one per return). */
    RETURN_REFUND;

    /** The kinds that give money back, or owe it back. */
    static final List<PaymentKind> GIVING_BACK = List.of(REFUND, GOODWILL_REFUND, RETURN_REFUND);

    /** The kinds that give part of a shipped or delivered order back and lower what it owes. */
    static final List<PaymentKind> PARTIAL_REFUNDS = List.of(GOODWILL_REFUND, RETURN_REFUND);

    boolean givesBack() {
        return GIVING_BACK.contains(this);
    }

    boolean isPartialRefund() {
        return PARTIAL_REFUNDS.contains(this);
    }
}
