package io.nurture.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nurture.persistence.UtcColumns;
import io.nurture.testing.NurtureIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * When an outbox without key order (the mail outbox's kind) claims, on the real database: a row
 * written while a batch is out goes once that batch is done and the batch wait is over, not a poll
 * interval later; after a batch that took every due row, the rows written during the batch wait go
 * together in one batch. The poll interval here is a minute, so only a wake or the batch wait can
 * explain a prompt delivery.
 */
@NurtureIntegrationTest
class OutboxWakeIntegrationTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final Duration POLL_INTERVAL = Duration.ofMinutes(1);
    private static final Duration BATCH_WAIT = Duration.ofSeconds(2);

    @Autowired
    JdbcClient db;

    @Autowired
    PlatformTransactionManager transactions;

    private String table;
    private Dispatcher dispatcher;

    @BeforeEach
    void aMailLikeOutboxOfItsOwn() {
        table = "wake_" + UUID.randomUUID().toString().replace("-", "");
        db.sql("CREATE TABLE " + table + " LIKE engine_messages").update();
        OutboxProperties properties = new OutboxProperties(
                POLL_INTERVAL,
                10,
                Duration.ofMinutes(1),
                Duration.ofSeconds(1),
                Duration.ofMinutes(5),
                Duration.ofDays(3),
                16,
                BATCH_WAIT);
        dispatcher = new Dispatcher(new OutboxTable(
                "wake-" + table,
                new OutboxTable.Layout(table, "created_at", false, false),
                db,
                transactions,
                Clock.fixed(NOW, ZoneOffset.UTC),
                properties,
                new SimpleMeterRegistry()));
        dispatcher.start();
    }

    @AfterEach
    void dropIt() {
        dispatcher.letTheFirstBatchGo.countDown();
        dispatcher.stop();
        db.sql("DROP TABLE " + table).update();
    }

    @Test
    void aRowWrittenWhileABatchIsOutGoesWhenThatBatchIsDone() throws InterruptedException {
        long first = row("first");
        dispatcher.wakeAfterCommit();
        assertThat(dispatcher.firstBatchInHand.await(30, TimeUnit.SECONDS)).isTrue();

        long second = row("second");
        dispatcher.wakeAfterCommit();
        dispatcher.letTheFirstBatchGo.countDown();

        await().atMost(Duration.ofSeconds(20)).until(() -> dispatcher.delivered.contains(second));
        assertThat(dispatcher.delivered).contains(first);
    }

    @Test
    void rowsWrittenDuringTheBatchWaitGoTogether() {
        dispatcher.letTheFirstBatchGo.countDown();
        long first = row("first");
        dispatcher.wakeAfterCommit();
        await().atMost(Duration.ofSeconds(20)).until(() -> dispatcher.delivered.contains(first));

        long second = row("second");
        dispatcher.wakeAfterCommit();
        long third = row("third");
        dispatcher.wakeAfterCommit();

        await().atMost(Duration.ofSeconds(20)).until(() -> dispatcher.delivered.contains(third));
        assertThat(dispatcher.batches).endsWith(List.of(second, third));
    }

    /** Its id as the insert generated it: the dispatcher may deliver and delete the row before a later look. */
    private long row(String name) {
        KeyHolder id = new GeneratedKeyHolder();
        db.sql(
                        "INSERT INTO " + table
                                + " (message_name, correlation_key, message_id, time_to_live_ms, variables,"
                                + " created_at, delivery, next_attempt_at) VALUES (:name, :name, :name, 0, '{}', :now, 'PENDING', :now)")
                .param("name", name)
                .param("now", UtcColumns.utc(NOW))
                .update(id);
        return id.getKey().longValue();
    }

    /** Delivers by marking; holds its batches until the test lets them go. */
    private static final class Dispatcher extends OutboxDispatcher {

        final Set<Long> delivered = ConcurrentHashMap.newKeySet();
        final List<List<Long>> batches = new CopyOnWriteArrayList<>();
        final CountDownLatch firstBatchInHand = new CountDownLatch(1);
        final CountDownLatch letTheFirstBatchGo = new CountDownLatch(1);

        Dispatcher(OutboxTable outbox) {
            super(outbox, POLL_INTERVAL, BATCH_WAIT);
        }

        @Override
        protected int deliverBatch() {
            OutboxTable.Claim claim = outbox.claim();
            if (claim.isEmpty()) {
                return 0;
            }
            firstBatchInHand.countDown();
            awaitLetGo();
            List<Long> ids = claim.ids();
            outbox.delivered(claim, ids);
            batches.add(ids);
            delivered.addAll(ids);
            return ids.size();
        }

        private void awaitLetGo() {
            try {
                letTheFirstBatchGo.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
