package io.nurture.payment;

public enum PaymentStatus {
    CAPTURED, DECLINED, REFUNDED
}
