package io.nurture.order;

public enum PaymentMethod {
    CARD,
    INVOICE
}
