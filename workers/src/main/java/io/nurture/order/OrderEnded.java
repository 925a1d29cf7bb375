package io.nurture.order;

/**
 * An order ended without shipping (cancelled or rejected), published inside the transaction that
 * ended it, so what other capabilities hold for it (a coupon's redemption) is given back with it.
 */
public record OrderEnded(String orderId, OrderStatus status) {}
