package io.nurture.order;

import io.nurture.customer.CustomerErased;
import io.nurture.orchestration.ProcessMessages;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An erased customer's orders stay, for the books and the metrics, without where they went (the
 * country stays: tax), without what staff wrote about them (their decisions, the reasons for
 * goodwill refunds) and without a return link that still works; the post-purchase journey of each
 * order ends.
 */
@Component
class PersonalDataOfOrders {

    private final JdbcClient db;
    private final ProcessMessages messages;

    PersonalDataOfOrders(JdbcClient db, ProcessMessages messages) {
        this.db = db;
        this.messages = messages;
    }

    @EventListener
    void erase(CustomerErased erased) {
        if (erased.orderIds().isEmpty()) {
            return;
        }
        // The version moves, so a step holding the order from before cannot write the address back.
        erased.customerRows(
                db,
                "orders.shipping_address",
                "UPDATE orders SET ship_line1 = '', ship_city = '', ship_postal_code = '',"
                        + " return_token = NULL, version = version + 1 WHERE customer_id = :customerId");
        erased.orderRows(
                db,
                "order_timeline.note",
                "UPDATE order_timeline SET note = '(erased)' WHERE order_id IN (:orderIds)"
                        + " AND (decided_by IS NOT NULL OR note LIKE 'Goodwill refund%')");
        erased.orderIds().forEach(messages::customerErased);
    }
}
