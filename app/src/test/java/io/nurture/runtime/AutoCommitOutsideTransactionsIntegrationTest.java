package io.nurture.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.local.EmbeddedMariaDb;
import io.nurture.testing.NurtureIntegrationTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pool's connections have auto-commit off (application.yaml): a transaction spends no round
 * trips switching it, and what runs outside any transaction is still committed, as auto-commit did.
 * Seen from a connection of its own, as another instance of Nurture would see it.
 */
@NurtureIntegrationTest
class AutoCommitOutsideTransactionsIntegrationTest {

    private static final int TRANSACTIONS = 10;

    @Autowired
    JdbcClient db;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    EmbeddedMariaDb database;

    @Test
    void aWriteOutsideAnyTransactionIsCommittedWhenItsConnectionGoesBack() throws SQLException {
        String key = "outside-" + UUID.randomUUID();

        db.sql("INSERT INTO sandbox_carrier_bookings (booking_key, tracking_number, cancelled, created_at)"
                        + " VALUES (:key, 'SBXAUTOCOMMIT', FALSE, UTC_TIMESTAMP())")
                .param("key", key)
                .update();

        assertThat(bookingsSeenByAnotherSession(key)).isEqualTo(1);
    }

    @Test
    void aRolledBackTransactionLeavesNothing() throws SQLException {
        String key = "rolled-back-" + UUID.randomUUID();

        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            db.sql("INSERT INTO sandbox_carrier_bookings (booking_key, tracking_number, cancelled, created_at)"
                            + " VALUES (:key, 'SBXAUTOCOMMIT', FALSE, UTC_TIMESTAMP())")
                    .param("key", key)
                    .update();
            tx.setRollbackOnly();
        });

        assertThat(bookingsSeenByAnotherSession(key)).isZero();
    }

    @Test
    void transactionsSwitchNoAutoCommitOnAndOff() throws SQLException {
        long before = setStatementsSoFar();

        for (int i = 0; i < TRANSACTIONS; i++) {
            new TransactionTemplate(transactions)
                    .executeWithoutResult(tx -> db.sql("SELECT COUNT(*) FROM products")
                            .query(Long.class)
                            .single());
        }

        // Two SET autocommit per transaction with auto-commit on; the app's own polls may add a few others.
        assertThat(setStatementsSoFar() - before).isLessThan(TRANSACTIONS);
    }

    private long bookingsSeenByAnotherSession(String key) throws SQLException {
        try (Connection own = ownConnection();
                PreparedStatement count =
                        own.prepareStatement("SELECT COUNT(*) FROM sandbox_carrier_bookings WHERE booking_key = ?")) {
            count.setString(1, key);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private long setStatementsSoFar() throws SQLException {
        try (Connection own = ownConnection();
                ResultSet rows = own.createStatement().executeQuery("SHOW GLOBAL STATUS LIKE 'Com_set_option'")) {
            rows.next();
            return rows.getLong(2);
        }
    }

    private Connection ownConnection() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), EmbeddedMariaDb.USER, database.password());
    }
}
