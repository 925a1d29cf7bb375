package io.nurture.payment;

/** What became of a payment that arrived for an invoice. */
public enum InvoicePaymentOutcome {
    /** It pays the invoice; the order goes on. */
    SETTLED,
    /** The order had ended or was being cancelled: the money is booked and owed back to the customer. */
    OWED_BACK
}
