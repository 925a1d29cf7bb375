package io.nurture.payment;

import io.nurture.customer.CustomerErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An erased customer's payments and refunds keep their amounts without the reasons staff wrote for goodwill refunds. */
@Component
class PersonalDataOfPayments {

    private final JdbcClient db;

    PersonalDataOfPayments(JdbcClient db) {
        this.db = db;
    }

    @EventListener
    void erase(CustomerErased erased) {
        erased.orderRows(
                db,
                "payments.reason",
                "UPDATE payments SET reason = NULL WHERE order_id IN (:orderIds) AND reason IS NOT NULL");
    }
}
