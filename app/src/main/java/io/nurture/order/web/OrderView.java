package io.nurture.order.web;

import io.nurture.order.OrderStatus;
import io.nurture.order.OrderSummary;
import io.nurture.order.PaymentMethod;
import io.nurture.payment.PaymentService;
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

    /** @param refunds money given back or owed back, oldest first: a cancellation's refund, goodwill refunds */
    record PaymentView(PaymentMethod method, String status, List<RefundView> refunds) {}

    record RefundView(String refundId, String kind, BigDecimal amount, String status, String reason) {}

    record TimelineView(Instant at, OrderStatus status, String note) {}

    static OrderView of(OrderSummary order, PaymentService.OrderPayment payment) {
        return new OrderView(
                order.orderId(),
                order.status(),
                order.customerId(),
                order.lines().stream()
                        .map(line -> new LineView(line.sku(), line.quantity(), line.unitPrice()))
                        .toList(),
                order.total(),
                order.currency(),
                new PaymentView(
                        order.paymentMethod(),
                        payment.status(),
                        payment.refunds().stream()
                                .map(refund -> new RefundView(
                                        refund.getId(),
                                        refund.getKind().name(),
                                        refund.getAmount(),
                                        refund.getStatus().name(),
                                        refund.getReason()))
                                .toList()),
                order.trackingNumber(),
                order.timeline().stream()
                        .map(change -> new TimelineView(change.at(), change.status(), change.note()))
                        .toList());
    }
}
