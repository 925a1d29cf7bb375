package io.nurture.shopevent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nurture.persistence.UtcColumns;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each cart's latest state: its lines as the shop last sent them (an event older than the last
 * one applied changes nothing: batches and retries arrive out of order), whether its checkout
 * began, and whether it ended in an order.
 */
@Component
public class Carts {

    private final JdbcClient db;
    private final ObjectMapper json;
    private final Clock clock;

    Carts(JdbcClient db, ObjectMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    void apply(ShopEvent event, Optional<String> customerId) {
        ShopEvent.Cart cart = event.cart();
        int items = cart.lines().stream().mapToInt(ShopEvent.Line::quantity).sum();
        boolean checkout = event.type() == ShopEventType.CHECKOUT_STARTED;
        db.sql("""
                        INSERT INTO carts (id, customer_id, anonymous_id, status, cart_lines, items, last_event_at, checkout_started_at)
                        VALUES (:id, :customerId, :anonymousId, :status, :lines, :items, :at, :checkoutAt)
                        ON DUPLICATE KEY UPDATE
                          customer_id = COALESCE(customer_id, VALUES(customer_id)),
                          checkout_started_at = COALESCE(checkout_started_at, VALUES(checkout_started_at)),
                          status = IF(status = 'ORDERED' OR last_event_at > VALUES(last_event_at), status, VALUES(status)),
                          cart_lines = IF(last_event_at > VALUES(last_event_at), cart_lines, VALUES(cart_lines)),
                          items = IF(last_event_at > VALUES(last_event_at), items, VALUES(items)),
                          last_event_at = GREATEST(last_event_at, VALUES(last_event_at))
                        """)
                .param("id", cart.cartId())
                .param("customerId", customerId.orElse(null))
                .param("anonymousId", event.person().anonymousId())
                .param("status", (items == 0 ? CartStatus.EMPTIED : CartStatus.OPEN).name())
                .param("lines", json(cart))
                .param("items", items)
                .param("at", UtcColumns.utc(event.occurredAt()))
                .param("checkoutAt", checkout ? UtcColumns.utc(event.occurredAt()) : null)
                .update();
    }

    /**
     * The customer placed an order: each of their open carts whose checkout had begun ended in it
     * (the goal of the abandoned-checkout journey).
     *
     * @return how many carts it converted
     */
    @Transactional
    public int ordered(String customerId) {
        return db.sql("""
                        UPDATE carts SET status = 'ORDERED', ordered_at = :now
                        WHERE customer_id = :customerId AND status = 'OPEN' AND checkout_started_at IS NOT NULL
                        """)
                .param("customerId", customerId)
                .param("now", UtcColumns.utc(clock.instant()))
                .update();
    }

    private String json(ShopEvent.Cart cart) {
        try {
            return json.writeValueAsString(cart.lines());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A cart's lines must be JSON", e);
        }
    }
}
