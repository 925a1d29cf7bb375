package io.nurture.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as staff and the shop read it: what was bought, its status, and every change on its timeline. */
public record OrderSummary(
        String orderId,
        OrderStatus status,
        String customerId,
        List<Line> lines,
        BigDecimal total,
        String currency,
        PaymentMethod paymentMethod,
        String trackingNumber,
        List<Change> timeline) {

    public record Line(String sku, int quantity, BigDecimal unitPrice) {}

    /** @param decidedBy the staff client that made the change by hand, or null */
    public record Change(Instant at, OrderStatus status, String note, String decidedBy) {}

    static OrderSummary of(Order order) {
        return new OrderSummary(
                order.getId(),
                order.getStatus(),
                order.getCustomerId(),
                order.getLines().stream()
                        .map(line -> new Line(line.getSku(), line.getQuantity(), line.getUnitPrice()))
                        .toList(),
                order.getTotal(),
                order.getCurrency(),
                order.getPaymentMethod(),
                order.getTrackingNumber(),
                order.getTimeline().stream()
                        .map(entry ->
                                new Change(entry.getAt(), entry.getStatus(), entry.getNote(), entry.getDecidedBy()))
                        .toList());
    }
}
