package io.nurture.notification;

import io.nurture.persistence.UtcColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The mail outbox's side of sending, in plain SQL: whether a message went before, and the message
 * written. A mail written as an entity, to a customer loaded as one, cost the app nearly twice as
 * much (the entity's insert, and the commit's check of both; docs/performance.md, issue 27's
 * twenty-second part). Reads of the sent messages stay with {@link Notification}.
 *
 * <p>Called in the sending step's transaction. A message is written only after the step's entities
 * are flushed, so a customer the step registered exists for the message's foreign key. The flush
 * goes through a repository, which turns a key the step's own rows collide on into Spring's
 * {@code DataIntegrityViolationException}, as the entity's insert did: the races that retry on it
 * (two requests for one return, say) still do.
 */
@Component
class MailRows {

    private static final String INSERT = "INSERT INTO notifications (customer_id, order_id, audience, channel,"
            + " template, subject, sent_at, category, dedupe_key, unsubscribe_token, recipient, body, delivery,"
            + " next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient db;
    private final NotificationRepository entities;

    MailRows(JdbcClient db, NotificationRepository entities) {
        this.db = db;
        this.entities = entities;
    }

    // "Sent before?" needs no flush, unlike the write: a message is inserted the moment it is written,
    // so nothing the step holds unflushed can change the answer.

    /** Whether a message from this template went to this audience about the order before (under any dedupe key). */
    boolean sentAbout(String orderId, String template, Audience audience) {
        return db.sql(
                        "SELECT EXISTS (SELECT 1 FROM notifications WHERE order_id = ? AND template = ? AND audience = ?)")
                .params(orderId, template, audience.name())
                .query(Boolean.class)
                .single();
    }

    /** Whether a message went to or about the customer under this dedupe key before. */
    boolean sentUnder(String customerId, String dedupeKey) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM notifications WHERE customer_id = ? AND dedupe_key = ?)")
                .params(customerId, dedupeKey)
                .query(Boolean.class)
                .single();
    }

    void write(Notification message) {
        entities.flush();
        inserting(message).update();
    }

    /** @return the message's id */
    long writeAndNumber(Notification message) {
        entities.flush();
        KeyHolder id = new GeneratedKeyHolder();
        inserting(message).update(id);
        return id.getKeyAs(Number.class).longValue();
    }

    private JdbcClient.StatementSpec inserting(Notification message) {
        return db.sql(INSERT)
                .params(
                        message.getCustomerId(),
                        message.getOrderId(),
                        message.getAudience().name(),
                        message.getChannel(),
                        message.getTemplate(),
                        message.getSubject(),
                        UtcColumns.utc(message.getSentAt()),
                        message.getCategory().name(),
                        message.getDedupeKey(),
                        message.getUnsubscribeToken(),
                        message.getRecipient(),
                        message.getBody(),
                        message.getDelivery().name(),
                        UtcColumns.utc(message.getNextAttemptAt()));
    }
}
