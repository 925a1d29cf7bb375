package io.nurture.shopevent;

import io.nurture.customer.CustomerErased;
import io.nurture.orchestration.ProcessMessages;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An erased customer's shop events, the anonymous ids the shop knew them by, and their carts go;
 * each cart's abandoned-checkout journey ends.
 */
@Component
class PersonalDataOfShopEvents {

    private final JdbcClient db;
    private final ProcessMessages messages;

    PersonalDataOfShopEvents(JdbcClient db, ProcessMessages messages) {
        this.db = db;
        this.messages = messages;
    }

    @EventListener
    void erase(CustomerErased erased) {
        db.sql("SELECT id FROM carts WHERE customer_id = :customerId AND journey_started_at IS NOT NULL")
                .param("customerId", erased.customerId())
                .query(String.class)
                .list()
                .forEach(messages::customerErased);
        erased.customerRows(db, "shop_events", "DELETE FROM shop_events WHERE customer_id = :customerId");
        erased.customerRows(db, "shop_visitors", "DELETE FROM shop_visitors WHERE customer_id = :customerId");
        erased.customerRows(db, "carts", "DELETE FROM carts WHERE customer_id = :customerId");
        erased.customerRows(db, "browse_starts", "DELETE FROM browse_starts WHERE customer_id = :customerId");
    }
}
