package io.nurture.order.web;

import io.nurture.order.OrderStatus;
import io.nurture.order.PaymentMethod;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/orders/{orderId}}. */
record OrderView(
        String orderId,
        OrderStatus status,
        String customerId,
        List<LineView> lines,
        BigDecimal total,
        String currency,
        PaymentView payment,
        String trackingNumber,
        List<TimelineView> timeline) {

    record LineView(String sku, int quantity, BigDecimal unitPrice) {
    }

    record PaymentView(PaymentMethod method, String status) {
    }

    record TimelineView(Instant at, OrderStatus status, String note) {
    }
}
