package io.nurture.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery columns of one outbox table ({@code delivery}, {@code attempts},
 * {@code next_attempt_at}, {@code last_error}): claim due rows, then mark each delivered or due
 * again later. A claim pushes the rows' next attempt one lease ahead, under {@code SKIP LOCKED},
 * so parallel dispatchers (several Nurture instances) never take the same row, and a dispatcher
 * that dies leaves its rows to the next one once the lease ran out. Nothing is sent while a
 * transaction is open: claiming and marking are short transactions of their own.
 */
public final class OutboxTable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxTable.class);
    private static final int ERROR_LENGTH = 400;

    private final String name;
    private final Layout layout;
    private final JdbcClient db;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final OutboxProperties properties;
    private final MeterRegistry meters;

    /**
     * @param table       the outbox table
     * @param writtenAt   the column holding when a row was written (the give-up deadline counts from it)
     * @param inKeyOrder  rows sharing a {@code correlation_key} are delivered one after another, oldest first
     * @param keep        delivered rows stay (as a log) instead of being deleted
     */
    public record Layout(String table, String writtenAt, boolean inKeyOrder, boolean keep) {
    }

    public OutboxTable(String name, Layout layout, JdbcClient db, PlatformTransactionManager transactions, Clock clock,
            OutboxProperties properties, MeterRegistry meters) {
        this.name = name;
        this.layout = layout;
        this.db = db;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
        Gauge.builder("nurture.outbox.pending", this::pending).tag("outbox", name)
                .description("Rows written but not yet delivered").register(meters);
    }

    /**
     * An instant as the UTC wall-clock time the tables hold: what Hibernate writes
     * ({@code hibernate.jdbc.time_zone: UTC}), whatever the JVM's time zone.
     */
    public static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Due rows for this dispatcher, oldest first, each leased to it for {@link OutboxProperties#lease()}. */
    public List<Long> claim() {
        return transaction.execute(tx -> {
            Instant now = clock.instant();
            List<Long> ids = db.sql("SELECT id FROM " + layout.table() + " t WHERE delivery = 'PENDING' AND next_attempt_at <= :now"
                            + (layout.inKeyOrder() ? " AND NOT EXISTS (SELECT 1 FROM " + layout.table() + " o"
                            + " WHERE o.correlation_key = t.correlation_key AND o.delivery = 'PENDING' AND o.id < t.id)" : "")
                            + " ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED")
                    .param("now", utc(now))
                    .param("limit", properties.batchSize())
                    .query(Long.class)
                    .list();
            if (!ids.isEmpty()) {
                db.sql("UPDATE " + layout.table() + " SET next_attempt_at = :leaseEnd WHERE id IN (:ids)")
                        .param("leaseEnd", utc(now.plus(properties.lease())))
                        .param("ids", ids)
                        .update();
            }
            return ids;
        });
    }

    public void delivered(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        if (layout.keep()) {
            db.sql("UPDATE " + layout.table() + " SET delivery = 'DELIVERED', delivered_at = :now, attempts = attempts + 1,"
                    + " next_attempt_at = NULL, last_error = NULL WHERE id IN (:ids)")
                    .param("now", utc(clock.instant())).param("ids", ids).update();
        } else {
            db.sql("DELETE FROM " + layout.table() + " WHERE id IN (:ids)").param("ids", ids).update();
        }
        meters.counter("nurture.outbox.deliveries", "outbox", name, "outcome", "delivered").increment(ids.size());
    }

    /** The attempt failed: due again after the backoff, or FAILED once the row is older than the give-up age. */
    public void failed(long id, Exception error) {
        Instant now = clock.instant();
        String reason = error.toString().length() > ERROR_LENGTH ? error.toString().substring(0, ERROR_LENGTH) : error.toString();
        transaction.executeWithoutResult(tx -> {
            var row = db.sql("SELECT attempts, " + layout.writtenAt() + " FROM " + layout.table() + " WHERE id = :id FOR UPDATE")
                    .param("id", id)
                    .query((rs, n) -> new Attempts(rs.getInt(1), rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC)))
                    .optional();
            if (row.isEmpty()) {
                return;
            }
            int attempts = row.get().made() + 1;
            boolean givenUp = row.get().writtenAt().plus(properties.giveUpAfter()).isBefore(now);
            db.sql("UPDATE " + layout.table() + " SET attempts = :attempts, last_error = :error, delivery = :delivery,"
                            + " next_attempt_at = :next WHERE id = :id")
                    .param("attempts", attempts)
                    .param("error", reason)
                    .param("delivery", givenUp ? "FAILED" : "PENDING")
                    .param("next", givenUp ? null : utc(now.plus(properties.backoff(attempts))))
                    .param("id", id)
                    .update();
            LOG.debug("{} outbox row {}: attempt {} failed: {}", name, id, attempts, reason);
            if (givenUp) {
                LOG.error("Gave up on {} outbox row {} after {} attempts: {}", name, id, attempts, reason);
            }
            meters.counter("nurture.outbox.deliveries", "outbox", name, "outcome", givenUp ? "failed" : "retry").increment();
        });
    }

    String name() {
        return name;
    }

    /** Rows waiting out a backoff after a failed attempt are due now. */
    void makeWaitingRowsDue() {
        int due = db.sql("UPDATE " + layout.table() + " SET next_attempt_at = :now"
                        + " WHERE delivery = 'PENDING' AND last_error IS NOT NULL AND next_attempt_at > :now")
                .param("now", utc(clock.instant()))
                .update();
        if (due > 0) {
            LOG.info("{} {} outbox rows waiting out a backoff are due now", due, name);
        }
    }

    public long pending() {
        return db.sql("SELECT COUNT(*) FROM " + layout.table() + " WHERE delivery = 'PENDING'").query(Long.class).single();
    }

    private record Attempts(int made, Instant writtenAt) {
    }
}
