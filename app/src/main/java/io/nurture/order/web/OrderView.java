package io.nurture.order.web;

import io.nurture.order.OrderStatus;
import io.nurture.order.OrderSummary;
import io.nurture.order.PaymentMethod;
import io.nurture.payment.PaymentService;
import io.nurture.returns.CustomerReturn;
import io.nurture.returns.ReturnStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/orders/{orderId}}; {@code cancellable} says whether a cancellation would be accepted now. */
record OrderView(
        String orderId,
        OrderStatus status,
        boolean cancellable,
        String customerId,
        List<LineView> lines,
        BigDecimal total,
        String currency,
        PaymentView payment,
        String trackingNumber,
        List<ReturnSummary> returns,
        List<TimelineView> timeline) {

    record LineView(String sku, int quantity, BigDecimal unitPrice) {}

    /** @param refunds money given back or owed back, oldest first: a cancellation's refund, goodwill and return refunds */
    record PaymentView(PaymentMethod method, String status, List<RefundView> refunds) {}

    record RefundView(String refundId, String kind, BigDecimal amount, String status, String reason) {}

    /** A return of the order; GET /api/returns/{returnId} shows it whole. */
    record ReturnSummary(String returnId, ReturnStatus status, Instant requestedAt) {}

    /** @param decidedBy the staff client that made the change by hand; absent for what the processes did */
    record TimelineView(Instant at, OrderStatus status, String note, String decidedBy) {}

    static OrderView of(OrderSummary order, PaymentService.OrderPayment payment, List<CustomerReturn> returns) {
        return new OrderView(
                order.orderId(),
                order.status(),
                order.status().canBeCancelled(),
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
                returns.stream()
                        .map(ret -> new ReturnSummary(ret.getId(), ret.getStatus(), ret.getCreatedAt()))
                        .toList(),
                order.timeline().stream()
                        .map(change ->
                                new TimelineView(change.at(), change.status(), change.note(), change.decidedBy()))
                        .toList());
    }
}
