package io.nurture.carecase;

import io.nurture.customer.CustomerErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An erased customer's care cases keep their score and dates without what staff wrote about the call. */
@Component
class PersonalDataOfCareCases {

    private final JdbcClient db;

    PersonalDataOfCareCases(JdbcClient db) {
        this.db = db;
    }

    @EventListener
    void erase(CustomerErased erased) {
        erased.customerRows(
                db,
                "care_cases.resolution",
                "UPDATE care_cases SET resolution = NULL WHERE customer_id = :customerId AND resolution IS NOT NULL");
    }
}
