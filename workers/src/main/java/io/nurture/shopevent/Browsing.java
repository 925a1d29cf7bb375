package io.nurture.shopevent;

import io.nurture.orchestration.ProcessMessages;
import io.nurture.persistence.UtcColumns;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Browse abandonment's trigger, from the stored events (a repeated event counts once): once a known
 * customer has {@code nurture.events.browse-views} views of one product within
 * {@code nurture.events.browse-window}, and no cart of theirs with items was updated in that window,
 * their journey starts, at most once per product within the window ({@code browse_starts}); the
 * engine runs one per customer at a time. A cart they fill while a start is recent tells the journey
 * that may be waiting. Only these reach the engine, never a page view.
 */
@Component
class Browsing {

    private final JdbcClient db;
    private final ProcessMessages messages;
    private final EventProperties properties;
    private final Clock clock;

    Browsing(JdbcClient db, ProcessMessages messages, EventProperties properties, Clock clock) {
        this.db = db;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /** A view the shop reports after the window has passed starts nothing: its moment is over. */
    void viewed(String customerId, String sku, Instant at) {
        Instant now = clock.instant();
        Instant since = now.minus(properties.browseWindow());
        if (at.isBefore(since)) {
            return;
        }
        long views = db.sql("""
                        SELECT COUNT(*) FROM shop_events WHERE customer_id = :customerId AND type = 'PRODUCT_VIEWED'
                        AND sku = :sku AND occurred_at > :since
                        """)
                .param("customerId", customerId)
                .param("sku", sku)
                .param("since", UtcColumns.utc(since))
                .query(Long.class)
                .single();
        if (views >= properties.browseViews()
                && !filledACartSince(customerId, since)
                && startedNow(customerId, sku, now, since)) {
            messages.productBrowsed(customerId, sku);
        }
    }

    /** A cart of the customer's has items now. */
    void cartFilled(String customerId) {
        boolean mayBeWaiting = db.sql("""
                        SELECT COUNT(*) FROM browse_starts WHERE customer_id = :customerId AND started_at > :since
                        """)
                        .param("customerId", customerId)
                        .param("since", UtcColumns.utc(clock.instant().minus(properties.browseWindow())))
                        .query(Long.class)
                        .single()
                > 0;
        if (mayBeWaiting) {
            messages.cartStarted(customerId);
        }
    }

    /**
     * Records the start unless one for the product lies within the window. Of two requests that
     * count enough views at once, the second waits on the first's row and then starts nothing.
     */
    private boolean startedNow(String customerId, String sku, Instant now, Instant since) {
        int inserted = db.sql(
                        "INSERT IGNORE INTO browse_starts (customer_id, sku, started_at) VALUES (:customerId, :sku, :now)")
                .param("customerId", customerId)
                .param("sku", sku)
                .param("now", UtcColumns.utc(now))
                .update();
        return inserted > 0
                || db.sql("""
                                UPDATE browse_starts SET started_at = :now
                                WHERE customer_id = :customerId AND sku = :sku AND started_at <= :since
                                """)
                                .param("customerId", customerId)
                                .param("sku", sku)
                                .param("now", UtcColumns.utc(now))
                                .param("since", UtcColumns.utc(since))
                                .update()
                        > 0;
    }

    private boolean filledACartSince(String customerId, Instant since) {
        return db.sql(
                                "SELECT COUNT(*) FROM carts WHERE customer_id = :customerId AND items > 0 AND last_event_at > :since")
                        .param("customerId", customerId)
                        .param("since", UtcColumns.utc(since))
                        .query(Long.class)
                        .single()
                > 0;
    }
}
