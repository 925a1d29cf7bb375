package io.nurture.order;

import io.nurture.orchestration.ProcessMessages;
import io.nurture.processes.OrderFulfillment.CancelReason;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people and systems ask of a running order. Each request checks the order's state under its
 * row lock and hands the decision to the process as a message, sent once the transaction committed;
 * the process's workers do the rest.
 */
@Service
public class OrderCommands {

    private final OrderService orders;
    private final ProcessMessages messages;
    private final Clock clock;

    OrderCommands(OrderService orders, ProcessMessages messages, Clock clock) {
        this.orders = orders;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public Order requestCancellation(String orderId) {
        Order order = orders.lock(orderId);
        if (!order.getStatus().canBeCancelled()) {
            throw new OrderStateConflictException(
                    "Order " + orderId + " is " + order.getStatus() + " and can no longer be cancelled");
        }
        order.requestCancellation(clock.instant());
        messages.cancellationRequested(orderId, CancelReason.CUSTOMER_REQUEST);
        return order;
    }

    @Transactional
    public Order decideReview(String orderId, boolean approved, String note, String staffClient) {
        Order order = orders.lock(orderId);
        if (order.getStatus() != OrderStatus.IN_REVIEW) {
            throw new OrderStateConflictException("Order " + orderId + " is " + order.getStatus() + ", not in review");
        }
        String decision = approved ? "Review approved" : "Review declined";
        order.note(note == null || note.isBlank() ? decision : decision + ": " + note, clock.instant(), staffClient);
        messages.reviewDecided(orderId, approved);
        return order;
    }
}
