package io.nurture.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nurture.persistence.UtcColumns;
import io.nurture.testing.NurtureIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The engine outbox's order, on the real database: messages to one order's process leave one after
 * another, oldest first, while other orders' messages go beside them; a message the engine refused
 * holds back the later ones of its order until it is delivered. (The engine relay claims its rows
 * this way; here the claims are made by hand, on a table of the engine outbox's shape.)
 */
@NurtureIntegrationTest
class OutboxKeyOrderIntegrationTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

    @Autowired
    JdbcClient db;

    @Autowired
    PlatformTransactionManager transactions;

    private String table;
    private OutboxTable relay;

    @BeforeEach
    void anEngineOutboxOfItsOwn() {
        table = "engine_order_" + UUID.randomUUID().toString().replace("-", "");
        db.sql("CREATE TABLE " + table + " LIKE engine_messages").update();
        OutboxProperties properties = new OutboxProperties(
                Duration.ofSeconds(1),
                10,
                Duration.ofMinutes(1),
                Duration.ofSeconds(1),
                Duration.ofMinutes(5),
                Duration.ofDays(3),
                16,
                Duration.ZERO);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        relay = new OutboxTable(
                "relay-" + table,
                new OutboxTable.Layout(table, "created_at", true, false),
                db,
                transactions,
                clock,
                properties,
                new SimpleMeterRegistry());
    }

    @Test
    void onlyTheOldestMessageOfAnOrderIsClaimedWhileOtherOrdersGoBesideIt() {
        long placed = message("order-1", "OrderPlaced");
        message("order-1", "PaymentReceived");
        long otherOrder = message("order-2", "OrderPlaced");

        List<Long> claimed = relay.claim().ids();

        assertThat(claimed).containsExactly(placed, otherOrder);
    }

    @Test
    void theNextMessageOfAnOrderIsClaimedOnceTheOneBeforeIsDelivered() {
        long placed = message("order-1", "OrderPlaced");
        long paid = message("order-1", "PaymentReceived");
        OutboxTable.Claim first = relay.claim();

        relay.delivered(first, first.ids());

        assertThat(first.ids()).containsExactly(placed);
        assertThat(relay.claim().ids()).containsExactly(paid);
    }

    @Test
    void aMessageTheEngineRefusedHoldsBackTheLaterMessagesOfItsOrder() {
        long placed = message("order-1", "OrderPlaced");
        long otherOrder = message("order-2", "OrderPlaced");
        OutboxTable.Claim first = relay.claim();
        message("order-1", "PaymentReceived");

        relay.failed(first, placed, new IllegalStateException("the engine refused it"));
        relay.delivered(first, List.of(otherOrder));

        assertThat(relay.claim().ids())
                .as("while the refused message waits out its backoff, the one after it waits too")
                .isEmpty();
        db.sql("UPDATE " + table + " SET retry_at = NULL, lease_until = NULL WHERE id = :id")
                .param("id", placed)
                .update();
        assertThat(relay.claim().ids())
                .as("due again: the refused message first")
                .containsExactly(placed);
    }

    private long message(String orderId, String name) {
        db.sql(
                        "INSERT INTO " + table
                                + " (message_name, correlation_key, message_id, time_to_live_ms, variables,"
                                + " created_at, delivery, next_attempt_at) VALUES (:name, :key, :id, 0, '{}', :now, 'PENDING', :now)")
                .param("name", name)
                .param("key", orderId)
                .param("id", name + "-" + orderId)
                .param("now", UtcColumns.utc(NOW))
                .update();
        return db.sql("SELECT MAX(id) FROM " + table).query(Long.class).single();
    }
}
