package io.nurture.payment;

enum PaymentStatus {
    CAPTURED, DECLINED, REFUNDED
}
