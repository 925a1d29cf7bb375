package io.nurture.shopevent;

import io.nurture.orchestration.ProcessMessages;
import io.nurture.persistence.UtcColumns;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Browse abandonment's trigger, from the stored events (a repeated event counts once): a known
 * customer's {@code nurture.events.browse-views}th view of one product within
 * {@code nurture.events.browse-window}, with no cart of theirs in that window, starts their
 * journey; the engine runs one per customer at a time. A cart they fill while they browsed enough
 * to have one tells a journey that may be waiting. Only these reach the engine, never a page view.
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

    /**
     * Exactly the threshold's view starts the journey, so a burst starts one; a view the shop
     * reports after the window has passed starts none, its moment being over.
     */
    void viewed(String customerId, String sku, Instant at) {
        if (at.isBefore(clock.instant().minus(properties.browseWindow()))) {
            return;
        }
        Instant since = at.minus(properties.browseWindow());
        long views = db.sql("""
                        SELECT COUNT(*) FROM shop_events WHERE customer_id = :customerId AND type = 'PRODUCT_VIEWED'
                        AND sku = :sku AND occurred_at > :since AND occurred_at <= :at
                        """)
                .param("customerId", customerId)
                .param("sku", sku)
                .param("since", UtcColumns.utc(since))
                .param("at", UtcColumns.utc(at))
                .query(Long.class)
                .single();
        if (views == properties.browseViews() && !filledACartSince(customerId, since)) {
            messages.productBrowsed(customerId, sku);
        }
    }

    /** A cart of the customer's has items now. */
    void cartFilled(String customerId) {
        Instant since = clock.instant().minus(properties.browseWindow());
        boolean mayBeWaiting = db.sql("""
                        SELECT 1 FROM shop_events WHERE customer_id = :customerId AND type = 'PRODUCT_VIEWED'
                        AND occurred_at > :since GROUP BY sku HAVING COUNT(*) >= :views LIMIT 1
                        """)
                .param("customerId", customerId)
                .param("since", UtcColumns.utc(since))
                .param("views", properties.browseViews())
                .query(Integer.class)
                .optional()
                .isPresent();
        if (mayBeWaiting) {
            messages.cartStarted(customerId);
        }
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
