package io.nurture.returns;

import io.nurture.customer.CustomerErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An erased customer's returns keep what came back and what was refunded, without what the customer
 * or staff wrote (comments, review and inspection notes, the timeline's notes).
 */
@Component
class PersonalDataOfReturns {

    private final JdbcClient db;

    PersonalDataOfReturns(JdbcClient db) {
        this.db = db;
    }

    @EventListener
    void erase(CustomerErased erased) {
        erased.orderRows(
                db,
                "return_lines.comment",
                "UPDATE return_lines SET comment = NULL WHERE comment IS NOT NULL"
                        + " AND return_id IN (SELECT id FROM returns WHERE order_id IN (:orderIds))");
        erased.orderRows(
                db,
                "return_timeline.note",
                "UPDATE return_timeline SET note = NULL WHERE note IS NOT NULL"
                        + " AND return_id IN (SELECT id FROM returns WHERE order_id IN (:orderIds))");
        erased.orderRows(
                db,
                "returns.notes",
                "UPDATE returns SET review_note = NULL, inspection_note = NULL, rejection_reason = NULL,"
                        + " version = version + 1 WHERE order_id IN (:orderIds)"
                        + " AND (review_note IS NOT NULL OR inspection_note IS NOT NULL OR rejection_reason IS NOT NULL)");
    }
}
