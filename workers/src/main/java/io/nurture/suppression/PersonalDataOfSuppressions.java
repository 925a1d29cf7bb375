package io.nurture.suppression;

import io.nurture.customer.CustomerErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An erased customer's address stays suppressed (its hash only), no longer tied to them: whoever
 * hashes the address must not find the customer, and through them their orders.
 */
@Component
class PersonalDataOfSuppressions {

    private final JdbcClient db;

    PersonalDataOfSuppressions(JdbcClient db) {
        this.db = db;
    }

    @EventListener
    void erase(CustomerErased erased) {
        erased.customerRows(
                db,
                "suppressions.customer",
                "UPDATE suppressions SET customer_id = NULL WHERE customer_id = :customerId");
    }
}
