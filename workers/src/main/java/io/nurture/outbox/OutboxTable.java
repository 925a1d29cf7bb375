package io.nurture.outbox;

import static io.nurture.persistence.UtcColumns.utc;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery columns of one outbox table ({@code delivery}, {@code attempts},
 * {@code next_attempt_at}, {@code retry_at}, {@code last_error}, {@code claimed_by},
 * {@code lease_until}): claim due
 * rows, then mark each delivered or due again later. A claim leases its rows under
 * {@code SKIP LOCKED}, so parallel dispatchers (several Nurture instances) never take the same row,
 * and a dispatcher that dies leaves its rows to the next one once the lease ran out. A claim has an
 * owner token: only its owner marks its rows delivered or failed, and while it works its dispatcher
 * keeps the lease alive ({@link #keepClaimsAlive()}), so a slow batch never outlives it. Leases run
 * on one clock all instances share, the database's ({@link DatabaseClock}), and so does the backoff
 * after a failed attempt ({@code retry_at}): it is a wait in real time for the other party to
 * recover, which on the business clock would never end while that clock stands still (the
 * simulation holds it for a simulated day). When a row is due at first runs on the business clock.
 * Nothing is sent while a transaction is open: claiming and marking are short transactions of
 * their own.
 */
public final class OutboxTable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxTable.class);
    private static final int ERROR_LENGTH = 400;

    private final String name;
    private final Layout layout;
    private final JdbcClient db;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Clock leaseClock;
    private final OutboxProperties properties;
    private final MeterRegistry meters;
    private final Set<String> heldClaims = ConcurrentHashMap.newKeySet();
    private final Queue<Claim> unmarked = new ConcurrentLinkedQueue<>();

    /** Rows leased to one dispatcher's batch, marked by its token. */
    public record Claim(String token, List<Long> ids) {

        public boolean isEmpty() {
            return ids.isEmpty();
        }
    }

    /** A claim with its rows as the dispatcher reads them, oldest first. */
    public record Claimed<T>(Claim claim, List<T> rows) {}

    /**
     * @param table       the outbox table
     * @param writtenAt   the column holding when a row was written (the give-up deadline counts from it)
     * @param inKeyOrder  rows sharing a {@code correlation_key} are delivered one after another, oldest first
     * @param keep        delivered rows stay (as a log) instead of being deleted
     */
    public record Layout(String table, String writtenAt, boolean inKeyOrder, boolean keep) {}

    public OutboxTable(
            String name,
            Layout layout,
            JdbcClient db,
            PlatformTransactionManager transactions,
            Clock clock,
            OutboxProperties properties,
            MeterRegistry meters) {
        this(name, layout, db, transactions, clock, new DatabaseClock(db), properties, meters);
    }

    /** @param leaseClock the clock leases run on; every dispatcher on the table must share it */
    public OutboxTable(
            String name,
            Layout layout,
            JdbcClient db,
            PlatformTransactionManager transactions,
            Clock clock,
            Clock leaseClock,
            OutboxProperties properties,
            MeterRegistry meters) {
        this.name = name;
        this.leaseClock = leaseClock;
        this.layout = layout;
        this.db = db;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
        Gauge.builder("nurture.outbox.pending", this::pending)
                .tag("outbox", name)
                .description("Rows written but not yet delivered")
                .register(meters);
    }

    /** Due rows for this dispatcher, oldest first, leased to it for {@link OutboxProperties#lease()} under a new token. */
    public Claim claim() {
        return claim("id", (rs, n) -> rs.getLong("id")).claim();
    }

    /**
     * Claims as {@link #claim()} does and answers the claimed rows read with {@code columns} (which
     * include {@code id}) by the claim's own query: the rows are locked by it, and a second read
     * after the claim would cost a statement and a commit per batch.
     */
    public <T> Claimed<T> claim(String columns, RowMapper<T> row) {
        String token = UUID.randomUUID().toString();
        List<Long> ids = new ArrayList<>();
        List<T> rows = transaction.execute(tx -> {
            Instant leaseNow = leaseClock.instant();
            List<T> due = db.sql("SELECT " + columns + " FROM " + layout.table()
                            + " t WHERE delivery = 'PENDING' AND next_attempt_at <= :now"
                            + " AND (lease_until IS NULL OR lease_until <= :leaseNow)"
                            + " AND (retry_at IS NULL OR retry_at <= :leaseNow)"
                            + (layout.inKeyOrder()
                                    ? " AND NOT EXISTS (SELECT 1 FROM " + layout.table() + " o"
                                            + " WHERE o.correlation_key = t.correlation_key AND o.delivery = 'PENDING' AND o.id < t.id)"
                                    : "")
                            + " ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED")
                    .param("now", utc(clock.instant()))
                    .param("leaseNow", utc(leaseNow))
                    .param("limit", properties.batchSize())
                    .query((rs, n) -> {
                        ids.add(rs.getLong("id"));
                        return row.mapRow(rs, n);
                    })
                    .list();
            if (!ids.isEmpty()) {
                db.sql("UPDATE " + layout.table()
                                + " SET lease_until = :leaseEnd, claimed_by = :token WHERE id IN (:ids)")
                        .param("leaseEnd", utc(leaseNow.plus(properties.lease())))
                        .param("token", token)
                        .param("ids", ids)
                        .update();
            }
            return due;
        });
        if (!ids.isEmpty()) {
            heldClaims.add(token);
        }
        return new Claimed<>(new Claim(token, List.copyOf(ids)), rows);
    }

    /**
     * Whether a claim of {@code claimed} rows took every row that was due: one short of a full batch,
     * on a table without key order (with it, a row waits for the older one of its key, and is due
     * once that one is delivered).
     */
    public boolean tookEveryDueRow(int claimed) {
        return claimed < properties.batchSize() && !layout.inKeyOrder();
    }

    /** Pushes the lease of every claim in hand one lease ahead: called well within the lease while a batch is sent. */
    public void keepClaimsAlive() {
        if (heldClaims.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(tx -> db.sql("UPDATE " + layout.table()
                        + " SET lease_until = :leaseEnd WHERE claimed_by IN (:tokens) AND delivery = 'PENDING'"
                        + " AND lease_until IS NOT NULL")
                .param("leaseEnd", utc(leaseClock.instant().plus(properties.lease())))
                .param("tokens", List.copyOf(heldClaims))
                .update());
    }

    /** The batch is done: its leases are no longer kept alive, but for rows delivered and not yet marked. */
    void releaseClaims() {
        heldClaims.retainAll(unmarked.stream().map(Claim::token).toList());
    }

    /**
     * Marks rows delivered while the database was away, before anything else is claimed. Their lease
     * was kept alive meanwhile, once the database answered, so no other dispatcher sends them again.
     */
    void markUnmarked() {
        for (Claim owed = unmarked.peek(); owed != null; owed = unmarked.peek()) {
            mark(owed, owed.ids());
            unmarked.remove();
        }
    }

    /** How often a dispatcher keeps its claims alive: three times per lease. */
    Duration keepAliveInterval() {
        return properties.lease().dividedBy(3);
    }

    /**
     * Marks the claim's rows delivered; rows another claim took meanwhile stay theirs. When the
     * database is away (the mail server took the mail, then the database went, or the mark's commit
     * failed), the marks are kept and made first when it answers again ({@link #markUnmarked()}), and
     * the rows' lease is kept alive from then: left to their lease, they would be delivered a second
     * time once it ran out. That holds for an outage shorter than the lease; after a longer one
     * another instance may have taken the rows meanwhile and sends them again (recognisable by their
     * stable ids).
     */
    public void delivered(Claim claim, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            mark(claim, ids);
        } catch (RuntimeException notMarked) {
            // Whatever failed, the mark is made again first when the database answers: it is idempotent,
            // and under a transaction a lost connection can surface as the failed rollback after it.
            unmarked.add(new Claim(claim.token(), List.copyOf(ids)));
            throw notMarked;
        }
    }

    /**
     * In a transaction of its own: a mark left to be committed when its connection went back to the
     * pool would be lost unseen if that commit failed, and its rows sent again after their lease.
     */
    private void mark(Claim claim, List<Long> ids) {
        int marked = transaction.execute(tx -> update(claim, ids));
        if (marked < ids.size()) {
            LOG.warn(
                    "{} of {} {} outbox rows delivered under claim {} had been claimed by another dispatcher meanwhile",
                    ids.size() - marked,
                    ids.size(),
                    name,
                    claim.token());
        }
        meters.counter("nurture.outbox.deliveries", "outbox", name, "outcome", "delivered")
                .increment(marked);
    }

    /**
     * The claimed rows are not to go after all (their recipient said no since they were written):
     * kept as {@code SUPPRESSED}, on a table that keeps its rows (the mail outbox); rows another
     * claim took meanwhile stay theirs. A row withdrawn is never also reported delivered: the mark
     * takes a row found suppressed under its own claim for one an erasure suppressed on its way.
     */
    public void withdrawn(Claim claim, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        int withdrawn = transaction.execute(tx -> db.sql("UPDATE " + layout.table()
                        + " SET delivery = 'SUPPRESSED', next_attempt_at = NULL, lease_until = NULL"
                        + " WHERE id IN (:ids) AND claimed_by = :token AND delivery = 'PENDING'")
                .param("ids", ids)
                .param("token", claim.token())
                .update());
        meters.counter("nurture.outbox.deliveries", "outbox", name, "outcome", "withdrawn")
                .increment(withdrawn);
    }

    private int update(Claim claim, List<Long> ids) {
        if (!layout.keep()) {
            return db.sql("DELETE FROM " + layout.table() + " WHERE id IN (:ids) AND claimed_by = :token")
                    .param("ids", ids)
                    .param("token", claim.token())
                    .update();
        }
        int marked = markDelivered(claim, ids, "PENDING");
        if (marked < ids.size()) {
            // A row suppressed from outside while it was on its way (an erasure blanks and suppresses its
            // customer's rows) came too late to stop it: the row says what happened, it was delivered.
            int suppressedOnTheWay = markDelivered(claim, ids, "SUPPRESSED");
            if (suppressedOnTheWay > 0) {
                LOG.warn(
                        "{} {} outbox rows under claim {} were suppressed (their recipient erased) while on their way;"
                                + " recorded as delivered",
                        suppressedOnTheWay,
                        name,
                        claim.token());
            }
            marked += suppressedOnTheWay;
        }
        return marked;
    }

    private int markDelivered(Claim claim, List<Long> ids, String delivery) {
        return db.sql("UPDATE " + layout.table()
                        + " SET delivery = 'DELIVERED', delivered_at = :now, attempts = attempts + 1,"
                        + " next_attempt_at = NULL, retry_at = NULL, lease_until = NULL, last_error = NULL"
                        + " WHERE id IN (:ids) AND claimed_by = :token AND delivery = :delivery")
                .param("now", utc(clock.instant()))
                .param("ids", ids)
                .param("token", claim.token())
                .param("delivery", delivery)
                .update();
    }

    /**
     * The attempt failed: due again after the backoff, or FAILED once the row is older than the
     * give-up age. A row no longer under this claim (delivered or taken by another) is left alone.
     */
    public void failed(Claim claim, long id, Exception error) {
        Instant now = clock.instant();
        Instant leaseNow = leaseClock.instant();
        String reason = error.toString().length() > ERROR_LENGTH
                ? error.toString().substring(0, ERROR_LENGTH)
                : error.toString();
        transaction.executeWithoutResult(tx -> {
            var row = db.sql("SELECT attempts, " + layout.writtenAt() + " FROM " + layout.table()
                            + " WHERE id = :id AND claimed_by = :token AND delivery = 'PENDING' FOR UPDATE")
                    .param("id", id)
                    .param("token", claim.token())
                    .query((rs, n) -> new Attempts(
                            rs.getInt(1), rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC)))
                    .optional();
            if (row.isEmpty()) {
                return;
            }
            int attempts = row.get().made() + 1;
            boolean givenUp =
                    row.get().writtenAt().plus(properties.giveUpAfter()).isBefore(now);
            db.sql("UPDATE " + layout.table() + " SET attempts = :attempts, last_error = :error, delivery = :delivery,"
                            + " next_attempt_at = IF(:givenUp, NULL, next_attempt_at), retry_at = :retryAt,"
                            + " lease_until = NULL WHERE id = :id")
                    .param("attempts", attempts)
                    .param("error", reason)
                    .param("delivery", givenUp ? "FAILED" : "PENDING")
                    .param("givenUp", givenUp)
                    .param("retryAt", givenUp ? null : utc(leaseNow.plus(properties.backoff(attempts))))
                    .param("id", id)
                    .update();
            LOG.debug("{} outbox row {}: attempt {} failed: {}", name, id, attempts, reason);
            if (givenUp) {
                LOG.error("Gave up on {} outbox row {} after {} attempts: {}", name, id, attempts, reason);
            }
            meters.counter("nurture.outbox.deliveries", "outbox", name, "outcome", givenUp ? "failed" : "retry")
                    .increment();
        });
    }

    String name() {
        return name;
    }

    /**
     * Rows waiting out a backoff after a failed attempt are due now; also those whose backoff a
     * version before {@code retry_at} put into {@code next_attempt_at}.
     */
    void makeWaitingRowsDue() {
        int due = transaction.execute(tx -> db.sql("UPDATE " + layout.table()
                        + " SET retry_at = NULL, next_attempt_at = LEAST(next_attempt_at, :now)"
                        + " WHERE delivery = 'PENDING' AND last_error IS NOT NULL"
                        + " AND (retry_at IS NOT NULL OR next_attempt_at > :now)")
                .param("now", utc(clock.instant()))
                .update());
        if (due > 0) {
            LOG.info("{} {} outbox rows waiting out a backoff are due now", due, name);
        }
    }

    public long pending() {
        return db.sql("SELECT COUNT(*) FROM " + layout.table() + " WHERE delivery = 'PENDING'")
                .query(Long.class)
                .single();
    }

    private record Attempts(int made, Instant writtenAt) {}
}
