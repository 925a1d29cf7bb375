package io.nurture.payment;

public enum PaymentStatus {
    /** Written before the provider was called; its answer is not recorded yet. */
    PENDING,
    /** Money taken: a card charged, an invoice paid. */
    CAPTURED,
    /** The card was declined: no money moved. */
    DECLINED,
    /**
     * A charge the provider had not taken when asked by its key (the step that called it died, or its
     * call was still on its way); one the provider books later becomes CAPTURED and is refunded.
     */
    VOID,
    /** Money to give back that no provider can return (an invoice payment): staff pay it out. */
    OWED,
    /** Money given back: by the provider, or paid out by staff and settled with their bank reference. */
    REFUNDED
}
