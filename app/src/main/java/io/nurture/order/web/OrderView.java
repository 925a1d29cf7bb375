package io.nurture.order.web;

import io.nurture.order.OrderStatus;
import io.nurture.order.OrderSummary;
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

    record LineView(String sku, int quantity, BigDecimal unitPrice) {}

    record PaymentView(PaymentMethod method, String status) {}

    record TimelineView(Instant at, OrderStatus status, String note) {}

    static OrderView of(OrderSummary order, String paymentStatus) {
        return new OrderView(
                order.orderId(),
                order.status(),
                order.customerId(),
                order.lines().stream()
                        .map(line -> new LineView(line.sku(), line.quantity(), line.unitPrice()))
                        .toList(),
                order.total(),
                order.currency(),
                new PaymentView(order.paymentMethod(), paymentStatus),
                order.trackingNumber(),
                order.timeline().stream()
                        .map(change -> new TimelineView(change.at(), change.status(), change.note()))
                        .toList());
    }
}
