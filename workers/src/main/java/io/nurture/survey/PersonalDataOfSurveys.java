package io.nurture.survey;

import io.nurture.customer.CustomerErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An erased customer's survey answers keep their score (NPS counts it) without the words they
 * wrote; a survey still open closes, so its link takes no new words.
 */
@Component
class PersonalDataOfSurveys {

    private final JdbcClient db;

    PersonalDataOfSurveys(JdbcClient db) {
        this.db = db;
    }

    @EventListener
    void erase(CustomerErased erased) {
        erased.customerRows(
                db,
                "surveys.closed",
                "UPDATE surveys SET status = 'EXPIRED' WHERE customer_id = :customerId AND status = 'SENT'");
        erased.customerRows(
                db,
                "surveys.comment",
                "UPDATE surveys SET comment = NULL WHERE customer_id = :customerId AND comment IS NOT NULL");
    }
}
