package io.nurture.notification;

import io.nurture.customer.CustomerErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An erased customer's messages, to them and about them to ops, keep what was sent when (template,
 * category, time) without the address, subject or text; one still waiting in the outbox never goes.
 * One the outbox was handing to the mail server at that moment goes, and is recorded as delivered.
 */
@Component
class PersonalDataOfMessages {

    private final JdbcClient db;

    PersonalDataOfMessages(JdbcClient db) {
        this.db = db;
    }

    @EventListener
    void erase(CustomerErased erased) {
        erased.customerRows(
                db,
                "notifications.recipient_subject_body",
                "UPDATE notifications SET recipient = '', subject = '', body = '',"
                        + " delivery = IF(delivery = 'PENDING', 'SUPPRESSED', delivery), next_attempt_at = NULL"
                        + " WHERE customer_id = :customerId");
    }
}
