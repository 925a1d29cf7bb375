package io.nurture.customer;

import io.nurture.persistence.UtcColumns;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent by topic, and the proof of every consent given or withdrawn: what, when, how and with
 * which wording. A topic holds while marketing consent holds and the customer has not left it.
 */
@Component
public class Consents {

    /** The order form's consent box is the shop's: Nurture records that it was the order form's. */
    static final String ORDER_FORM_WORDING = "The shop's order form: marketing e-mails (the shop's own wording)";

    static final String UNSUBSCRIBE_WORDING = "Unsubscribe from marketing e-mails (one click)";
    static final String STAFF_WORDING = "Set by staff on the customer's request";

    private final JdbcClient db;

    Consents(JdbcClient db) {
        this.db = db;
    }

    /**
     * @param topic   null for marketing as a whole (the master switch)
     * @param granted given (true) or withdrawn (false)
     * @param by      the staff client, for a change staff made
     */
    public record Change(
            ConsentTopic topic, boolean granted, ConsentSource source, String wording, Instant at, String by) {}

    /** Records an answer on marketing consent as a whole that counts: a change, or consent confirmed anew (a renewal). */
    @Transactional(propagation = Propagation.MANDATORY)
    void marketingChanged(
            String customerId, boolean granted, ConsentSource source, String wording, Instant at, String by) {
        insert(customerId, new Change(null, granted, source, wording, at, by));
    }

    /** Keeps or leaves a topic; recorded only when it changes what holds. */
    @Transactional(propagation = Propagation.MANDATORY)
    void setTopic(String customerId, ConsentTopic topic, boolean granted, ConsentSource source, Instant at, String by) {
        if (topicsOf(customerId).get(topic) == granted) {
            return;
        }
        db.sql("INSERT INTO consent_topics (customer_id, topic, granted, changed_at) VALUES (:c, :t, :g, :at)"
                        + " ON DUPLICATE KEY UPDATE granted = VALUES(granted), changed_at = VALUES(changed_at)")
                .param("c", customerId)
                .param("t", topic.name())
                .param("g", granted)
                .param("at", UtcColumns.utc(at))
                .update();
        insert(customerId, new Change(topic, granted, source, topic.wording(), at, by));
    }

    /** Each topic and whether the customer keeps it (marketing consent aside): kept unless they left it. */
    @Transactional(readOnly = true)
    public Map<ConsentTopic, Boolean> topicsOf(String customerId) {
        Map<ConsentTopic, Boolean> topics = new EnumMap<>(ConsentTopic.class);
        for (ConsentTopic topic : ConsentTopic.values()) {
            topics.put(topic, true);
        }
        db.sql("SELECT topic, granted FROM consent_topics WHERE customer_id = :c")
                .param("c", customerId)
                .query((rs, n) -> Map.entry(ConsentTopic.valueOf(rs.getString(1)), rs.getBoolean(2)))
                .list()
                .forEach(entry -> topics.put(entry.getKey(), entry.getValue()));
        return topics;
    }

    /** Every change of the customer's consents, oldest first: who agreed to what, when and how. */
    @Transactional(readOnly = true)
    public List<Change> historyOf(String customerId) {
        return db.sql("SELECT topic, granted, source, wording, changed_at, changed_by FROM consent_changes"
                        + " WHERE customer_id = :c ORDER BY changed_at, id")
                .param("c", customerId)
                .query((rs, n) -> new Change(
                        rs.getString(1) == null ? null : ConsentTopic.valueOf(rs.getString(1)),
                        rs.getBoolean(2),
                        ConsentSource.valueOf(rs.getString(3)),
                        rs.getString(4),
                        UtcColumns.instant(rs.getObject(5, LocalDateTime.class)),
                        rs.getString(6)))
                .list();
    }

    private void insert(String customerId, Change change) {
        db.sql("INSERT INTO consent_changes (customer_id, topic, granted, source, wording, changed_at, changed_by)"
                        + " VALUES (:c, :t, :g, :s, :w, :at, :by)")
                .param("c", customerId)
                .param("t", change.topic() == null ? null : change.topic().name())
                .param("g", change.granted())
                .param("s", change.source().name())
                .param("w", change.wording())
                .param("at", UtcColumns.utc(change.at()))
                .param("by", change.by())
                .update();
    }
}
