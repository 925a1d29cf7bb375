package io.nurture.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nurture.persistence.UtcColumns;
import io.nurture.testing.NurtureIntegrationTest;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outbox claims on the real database, two dispatchers on one table and a clock the test moves: a
 * dispatcher whose lease ran out can no longer touch rows another one claimed, and a dispatcher
 * that keeps its lease alive keeps its rows however long its batch takes. Leases run on the
 * database's clock, so instances whose own clocks disagree still agree on them.
 */
@NurtureIntegrationTest
class OutboxClaimsIntegrationTest {

    private static final Duration LEASE = Duration.ofMinutes(1);

    @Autowired
    JdbcClient db;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    private final MovableClock time = new MovableClock(Instant.parse("2030-01-01T12:00:00Z"));
    private String table;
    private OutboxTable first;
    private OutboxTable second;

    @BeforeEach
    void anOutboxOfItsOwn() {
        table = "outbox_claims_" + UUID.randomUUID().toString().replace("-", "");
        db.sql("CREATE TABLE " + table
                        + " (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, created_at DATETIME(6) NOT NULL,"
                        + " delivery VARCHAR(16) NOT NULL, delivered_at DATETIME(6), attempts INT NOT NULL DEFAULT 0,"
                        + " next_attempt_at DATETIME(6), retry_at DATETIME(6), last_error VARCHAR(400), claimed_by VARCHAR(36),"
                        + " lease_until DATETIME(6))")
                .update();
        db.sql("INSERT INTO " + table + " (created_at, delivery, next_attempt_at) VALUES (:at, 'PENDING', :at)")
                .param("at", UtcColumns.utc(time.instant()))
                .update();
        OutboxProperties properties = properties();
        OutboxTable.Layout layout = new OutboxTable.Layout(table, "created_at", false, true);
        first = new OutboxTable(
                "first-" + table, layout, db, transactions, time, time, properties, new SimpleMeterRegistry());
        second = new OutboxTable(
                "second-" + table, layout, db, transactions, time, time, properties, new SimpleMeterRegistry());
    }

    @Test
    void aDispatcherWhoseLeaseRanOutCannotTurnARowAnotherDeliveredBackIntoPending() {
        OutboxTable.Claim late = first.claim();
        time.move(LEASE.plusSeconds(1));
        OutboxTable.Claim taker = second.claim();
        assertThat(taker.ids()).isEqualTo(late.ids());
        second.delivered(taker, taker.ids());

        first.failed(late, late.ids().get(0), new IllegalStateException("the mail server hung up"));
        first.delivered(late, late.ids());

        assertThat(row()).isEqualTo("DELIVERED|1|null");
    }

    @Test
    void aRowSuppressedByAnErasureWhileItWasOnItsWayIsRecordedAsDelivered() {
        OutboxTable.Claim sending = first.claim();
        db.sql("UPDATE " + table + " SET delivery = 'SUPPRESSED', next_attempt_at = NULL WHERE delivery = 'PENDING'")
                .update();

        first.delivered(sending, sending.ids());

        assertThat(row()).isEqualTo("DELIVERED|1|null");
    }

    @ParameterizedTest
    @EnumSource(Away.class)
    void rowsDeliveredWhileTheDatabaseWasAwayAreMarkedOnceItAnswersAndNoOtherDispatcherTakesThem(Away how) {
        SwitchableDatabase database = new SwitchableDatabase(dataSource);
        OutboxTable cut = new OutboxTable(
                "cut-" + table,
                new OutboxTable.Layout(table, "created_at", false, true),
                JdbcClient.create(database),
                new DataSourceTransactionManager(database),
                time,
                time,
                properties(),
                new SimpleMeterRegistry());
        OutboxTable.Claim sent = cut.claim();

        database.away = how;
        assertThatThrownBy(() -> cut.delivered(sent, sent.ids()))
                .isInstanceOf(
                        how == Away.OPEN_CONNECTION_LOST ? DataAccessException.class : TransactionException.class);
        cut.releaseClaims();
        database.away = null;
        time.move(LEASE.dividedBy(2));
        cut.keepClaimsAlive();
        time.move(LEASE.dividedBy(2).plusSeconds(1));

        assertThat(second.claim().ids()).as("rows the mail server already took").isEmpty();
        cut.markUnmarked();
        assertThat(row()).startsWith("DELIVERED|1|");
    }

    @Test
    void aFailedRowIsTriedAgainAfterItsBackoffWhileTheBusinessClockStandsStill() {
        Clock heldAtNoon = Clock.fixed(time.instant(), ZoneOffset.UTC);
        OutboxTable held = new OutboxTable(
                "held-" + table,
                new OutboxTable.Layout(table, "created_at", false, true),
                db,
                transactions,
                heldAtNoon,
                time,
                properties(),
                new SimpleMeterRegistry());
        OutboxTable.Claim refused = held.claim();
        held.failed(refused, refused.ids().get(0), new IllegalStateException("The engine kept pushing back"));
        held.releaseClaims();

        assertThat(held.claim().ids()).as("within the first retry's second").isEmpty();
        time.move(Duration.ofSeconds(2));

        assertThat(held.claim().ids()).isEqualTo(refused.ids());
    }

    @Test
    void aBatchThatKeepsItsLeaseAliveKeepsItsRowsPastTheFirstLease() {
        OutboxTable.Claim slow = first.claim();
        time.move(LEASE.dividedBy(2));
        first.keepClaimsAlive();
        time.move(LEASE.dividedBy(2).plusSeconds(1));

        assertThat(second.claim().ids()).isEmpty();
        first.delivered(slow, slow.ids());
        assertThat(row()).startsWith("DELIVERED|1|");
    }

    @Test
    void aDispatcherWhoseClockRunsAheadDoesNotTakeRowsAnotherJustClaimed() {
        OutboxProperties properties = properties();
        OutboxTable.Layout layout = new OutboxTable.Layout(table, "created_at", false, true);
        Clock now = Clock.systemUTC();
        db.sql("UPDATE " + table + " SET next_attempt_at = :now")
                .param("now", UtcColumns.utc(now.instant()))
                .update();
        OutboxTable onTime = new OutboxTable(
                "on-time-" + table, layout, db, transactions, now, properties, new SimpleMeterRegistry());
        OutboxTable ahead = new OutboxTable(
                "ahead-" + table,
                layout,
                db,
                transactions,
                Clock.offset(now, LEASE.multipliedBy(3)),
                properties,
                new SimpleMeterRegistry());
        OutboxTable.Claim claim = onTime.claim();

        OutboxTable.Claim taken = ahead.claim();

        assertThat(claim.ids()).hasSize(1);
        assertThat(taken.ids()).as("rows the other instance holds a lease on").isEmpty();
    }

    /** Claims take no gap locks that would block (and deadlock with) the inserts of business transactions. */
    @Test
    void transactionsRunAtReadCommitted() {
        String isolation = new TransactionTemplate(transactions)
                .execute(tx -> db.sql("SELECT @@transaction_isolation")
                        .query(String.class)
                        .single());

        assertThat(isolation).isEqualTo("READ-COMMITTED");
    }

    private String row() {
        List<String> rows = db.sql(
                        "SELECT CONCAT_WS('|', delivery, attempts, COALESCE(last_error, 'null')) FROM " + table)
                .query(String.class)
                .list();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static OutboxProperties properties() {
        return new OutboxProperties(
                Duration.ofSeconds(1),
                10,
                LEASE,
                Duration.ofSeconds(1),
                Duration.ofMinutes(5),
                Duration.ofDays(3),
                16,
                Duration.ZERO);
    }

    /** How the database fails while it is away, as the pool and the driver report it. */
    enum Away {
        /** The pool finds no server to open a connection to. */
        POOL_REFUSES_A_CONNECTION,
        /** The pool hands out a connection whose server has gone (Connector/J's CommunicationsException). */
        OPEN_CONNECTION_LOST,
        /** The server goes while it commits: the statements ran, the commit fails and nothing is kept. */
        LOST_AT_COMMIT
    }

    /** The app's database as one that can go away. */
    private static final class SwitchableDatabase extends DelegatingDataSource {

        private volatile Away away;

        SwitchableDatabase(DataSource database) {
            super(database);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Away now = away;
            if (now == Away.POOL_REFUSES_A_CONNECTION) {
                throw new SQLTransientConnectionException("the database server is stopped");
            }
            Connection connection = super.getConnection();
            return now == null || now == Away.POOL_REFUSES_A_CONNECTION ? connection : lost(connection, now);
        }

        private static Connection lost(Connection pooled, Away how) {
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return method.invoke(pooled, args);
                        }
                        boolean statement = method.getName().startsWith("prepare")
                                || method.getName().startsWith("create");
                        if ((statement && how == Away.OPEN_CONNECTION_LOST)
                                || method.getName().equals("commit")) {
                            throw new SQLRecoverableException("Communications link failure");
                        }
                        return method.invoke(pooled, args);
                    });
        }
    }

    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
