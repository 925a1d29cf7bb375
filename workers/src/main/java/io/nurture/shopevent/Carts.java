package io.nurture.shopevent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nurture.orchestration.ProcessMessages;
import io.nurture.persistence.UtcColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each cart's latest state: its lines as the shop last sent them (an event older than the last
 * one applied changes nothing: batches and retries arrive out of order), whether its checkout
 * began, whether it ended in an order, and its abandoned-checkout journey: started once, when the
 * checkout began and the customer is known, and told when the cart is ordered, emptied, or its
 * customer withdraws consent. Every change and its message to the engine share a transaction.
 */
@Component
public class Carts {

    private static final TypeReference<List<ShopEvent.Line>> LINES = new TypeReference<>() {};
    private static final String SELECT_ROW =
            "SELECT id, customer_id, status, checkout_started_at, journey_started_at FROM carts";

    private final JdbcClient db;
    private final ProcessMessages messages;
    private final EventProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    Carts(JdbcClient db, ProcessMessages messages, EventProperties properties, ObjectMapper json, Clock clock) {
        this.db = db;
        this.messages = messages;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    private record Row(
            String cartId, String customerId, CartStatus status, Instant checkoutStartedAt, Instant journeyStartedAt) {}

    void apply(ShopEvent event, Optional<String> customerId) {
        ShopEvent.Cart cart = event.cart();
        Optional<Row> before = locked(cart.cartId());
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
                .param("lines", json(cart.lines()))
                .param("items", items)
                .param("at", UtcColumns.utc(event.occurredAt()))
                .param("checkoutAt", checkout ? UtcColumns.utc(event.occurredAt()) : null)
                .update();
        Row after = locked(cart.cartId()).orElseThrow();
        // A cart another batch created meanwhile was not there to lock before: it counts as not emptied.
        boolean emptiedNow = after.status() == CartStatus.EMPTIED
                && before.map(row -> row.status() != CartStatus.EMPTIED).orElse(true);
        if (emptiedNow && after.journeyStartedAt() != null) {
            messages.cartEmptied(after.cartId());
        }
        startJourneyIfDue(after);
    }

    /**
     * Starts the journeys of the customer's carts that waited for the shop to say who they were
     * (their checkout began while the person was anonymous).
     */
    void startWaitingJourneys(String customerId) {
        db.sql("""
                        SELECT id FROM carts WHERE customer_id = :customerId AND status = 'OPEN'
                        AND checkout_started_at IS NOT NULL AND journey_started_at IS NULL FOR UPDATE
                        """)
                .param("customerId", customerId)
                .query(String.class)
                .list()
                .forEach(cartId -> locked(cartId).ifPresent(this::startJourneyIfDue));
    }

    /**
     * A checkout that began more than {@code nurture.events.checkout-journey-window} ago (an event
     * the shop sent late) starts no journey: its reminders would all be due at once.
     */
    private void startJourneyIfDue(Row cart) {
        boolean due = cart.status() == CartStatus.OPEN
                && cart.customerId() != null
                && cart.checkoutStartedAt() != null
                && cart.journeyStartedAt() == null
                && cart.checkoutStartedAt().isAfter(clock.instant().minus(properties.checkoutJourneyWindow()));
        if (due) {
            db.sql("UPDATE carts SET journey_started_at = :now WHERE id = :id")
                    .param("now", UtcColumns.utc(clock.instant()))
                    .param("id", cart.cartId())
                    .update();
            messages.checkoutStarted(cart.cartId(), cart.customerId(), cart.checkoutStartedAt());
        }
    }

    /**
     * The customer placed an order: each of their open carts whose checkout had begun ended in it
     * (the goal of the abandoned-checkout journey).
     */
    void ordered(String customerId) {
        List<Row> converted = openCheckoutsOf(customerId);
        if (converted.isEmpty()) {
            // Most orders come without a checkout the shop told of: one query on the intake path, not two.
            return;
        }
        db.sql("UPDATE carts SET status = 'ORDERED', ordered_at = :now WHERE id IN (:ids)")
                .param("ids", converted.stream().map(Row::cartId).toList())
                .param("now", UtcColumns.utc(clock.instant()))
                .update();
        converted.stream()
                .filter(cart -> cart.journeyStartedAt() != null)
                .forEach(cart -> messages.checkoutConverted(cart.cartId()));
    }

    /** The customer withdrew consent: the journeys of their open carts end. */
    @Transactional
    public void consentWithdrawn(String customerId) {
        openCheckoutsOf(customerId).stream()
                .filter(cart -> cart.journeyStartedAt() != null)
                .forEach(cart -> messages.customerUnsubscribed(cart.cartId()));
    }

    /** The cart's lines as the shop last sent them; empty for a cart Nurture never heard of. */
    @Transactional(readOnly = true)
    public List<ShopEvent.Line> linesOf(String cartId) {
        return db.sql("SELECT cart_lines FROM carts WHERE id = :id")
                .param("id", cartId)
                .query(String.class)
                .optional()
                .map(this::lines)
                .orElse(List.of());
    }

    private List<Row> openCheckoutsOf(String customerId) {
        return db.sql(SELECT_ROW
                        + " WHERE customer_id = :customerId AND status = 'OPEN' AND checkout_started_at IS NOT NULL"
                        + " FOR UPDATE")
                .param("customerId", customerId)
                .query((rs, i) -> row(rs))
                .list();
    }

    private Optional<Row> locked(String cartId) {
        return db.sql(SELECT_ROW + " WHERE id = :id FOR UPDATE")
                .param("id", cartId)
                .query((rs, i) -> row(rs))
                .optional();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getString("id"),
                rs.getString("customer_id"),
                CartStatus.valueOf(rs.getString("status")),
                UtcColumns.instant(rs.getObject("checkout_started_at", LocalDateTime.class)),
                UtcColumns.instant(rs.getObject("journey_started_at", LocalDateTime.class)));
    }

    private List<ShopEvent.Line> lines(String stored) {
        try {
            return json.readValue(stored, LINES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A cart's stored lines are not JSON", e);
        }
    }

    private String json(List<ShopEvent.Line> lines) {
        try {
            return json.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A cart's lines must be JSON", e);
        }
    }
}
