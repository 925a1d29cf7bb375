package io.nurture.shopevent;

import io.nurture.persistence.UtcColumns;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anonymous ids the shop keeps for people it does not know yet. Once the shop names the e-mail
 * address behind one (an event, or an order), the id points at that customer for good and what
 * it did before moves with it.
 */
@Component
public class Visitors {

    private final JdbcClient db;
    private final Clock clock;

    Visitors(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Records the id as seen (once) and answers whose it is, if the shop said so. */
    Optional<String> seen(String anonymousId) {
        db.sql("INSERT IGNORE INTO shop_visitors (anonymous_id, first_seen_at) VALUES (:id, :now)")
                .param("id", anonymousId)
                .param("now", UtcColumns.utc(clock.instant()))
                .update();
        return db.sql("SELECT customer_id FROM shop_visitors WHERE anonymous_id = :id")
                .param("id", anonymousId)
                .query(String.class)
                .optional();
    }

    /**
     * The anonymous person is this customer: their earlier events and carts move to the customer.
     * The first customer an id is tied to keeps it (a shared device signed in by someone else
     * later does not hand the first person's history over).
     */
    @Transactional
    public void identify(String anonymousId, String customerId) {
        db.sql("""
                        INSERT INTO shop_visitors (anonymous_id, customer_id, first_seen_at) VALUES (:id, :customerId, :now)
                        ON DUPLICATE KEY UPDATE customer_id = COALESCE(customer_id, :customerId)
                        """)
                .param("id", anonymousId)
                .param("customerId", customerId)
                .param("now", UtcColumns.utc(clock.instant()))
                .update();
        String owner = seen(anonymousId).orElseThrow();
        db.sql("UPDATE shop_events SET customer_id = :customerId WHERE anonymous_id = :id AND customer_id IS NULL")
                .param("customerId", owner)
                .param("id", anonymousId)
                .update();
        db.sql("UPDATE carts SET customer_id = :customerId WHERE anonymous_id = :id AND customer_id IS NULL")
                .param("customerId", owner)
                .param("id", anonymousId)
                .update();
    }
}
