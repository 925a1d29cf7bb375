package io.nurture.order;

import io.nurture.notification.MessageSuppressed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A mail about an order that did not go (the address is suppressed) is on the order's timeline. */
@Component
class SuppressedMessageNotes {

    private final OrderRepository orders;

    SuppressedMessageNotes(OrderRepository orders) {
        this.orders = orders;
    }

    /** Heard in the sending step's transaction: the note and the step commit together. */
    @EventListener
    void noteOnTheOrder(MessageSuppressed suppressed) {
        if (suppressed.orderId() == null) {
            return;
        }
        orders.findById(suppressed.orderId())
                .ifPresent(order -> order.note(
                        "Mail \"" + suppressed.template() + "\" not sent: the customer's address is suppressed ("
                                + suppressed.reason() + ")",
                        suppressed.at()));
    }
}
