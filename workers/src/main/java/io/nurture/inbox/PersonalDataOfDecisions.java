package io.nurture.inbox;

import io.nurture.customer.CustomerErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Staff decisions on an erased customer's orders keep who decided and when, without the outcome's
 * text, which quotes the notes staff wrote (a review, a care case, a return).
 */
@Component
class PersonalDataOfDecisions {

    private final JdbcClient db;

    PersonalDataOfDecisions(JdbcClient db) {
        this.db = db;
    }

    @EventListener
    void erase(CustomerErased erased) {
        erased.orderRows(
                db,
                "inbox_decisions.outcome",
                "UPDATE inbox_decisions SET outcome = '(erased)' WHERE order_id IN (:orderIds)");
    }
}
