package io.nurture.order;

import java.util.Set;

public enum OrderStatus {
    RECEIVED,
    IN_REVIEW,
    REJECTED,
    BACKORDERED,
    AWAITING_PAYMENT,
    PAID,
    SHIPPED,
    DELIVERED,
    CANCELLED,
    /** Delivered, then every item came back through returns: no longer a purchase. */
    RETURNED;

    private static final Set<OrderStatus> FINISHED = Set.of(REJECTED, CANCELLED, DELIVERED, RETURNED);
    private static final Set<OrderStatus> PAST_CANCELLATION = Set.of(SHIPPED, DELIVERED, REJECTED, CANCELLED, RETURNED);

    public boolean isFinished() {
        return FINISHED.contains(this);
    }

    /** Once goods have left the warehouse (or the order ended), cancelling is no longer possible. */
    public boolean canBeCancelled() {
        return !PAST_CANCELLATION.contains(this);
    }
}
