package io.nurture.order;

/** For tests that fake {@link OrderRows}: an order as the steps' plain SQL reads it under its lock, now. */
public final class LockedOrders {

    private LockedOrders() {}

    public static OrderRows.Locked of(Order order) {
        return new OrderRows.Locked(
                order.getId(),
                order.getCustomerId(),
                order.getStatus(),
                order.getTotal(),
                order.getCurrency(),
                order.getCardToken(),
                order.getShippingAddress(),
                order.getTrackingNumber(),
                order.isCancellationRequested());
    }
}
