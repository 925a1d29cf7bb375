package io.nurture.testing;

import io.nurture.local.EmbeddedMariaDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Holds the database's insert of chosen rows until released, to play a race between two
 * transactions in a chosen order rather than hope for it: a trigger on the table makes the insert
 * of a row whose {@code column} is {@code value} wait, before the row is written, for a lock held
 * here on a connection of its own. Other rows are inserted as usual.
 */
public final class HeldInserts implements AutoCloseable {

    private static final Duration LONGEST_HOLD = Duration.ofMinutes(1);

    private final Connection holder;
    private final String trigger;
    private final String lock;
    private boolean holding = true;

    private HeldInserts(Connection holder, String trigger, String lock) {
        this.holder = holder;
        this.trigger = trigger;
        this.lock = lock;
    }

    /** From now on, until released, an insert into {@code table} of a row with {@code column} = {@code value} waits. */
    public static HeldInserts into(EmbeddedMariaDb database, String table, String column, String value)
            throws SQLException {
        String suffix = UUID.randomUUID().toString().replace("-", "");
        String trigger = "held_insert_" + suffix;
        String lock = "nurture-test-" + suffix;
        Connection holder = DriverManager.getConnection(database.jdbcUrl(), EmbeddedMariaDb.USER, database.password());
        try (Statement sql = holder.createStatement()) {
            holder.setAutoCommit(true);
            locked(sql, "SELECT GET_LOCK('" + lock + "', 0)");
            sql.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON " + table + " FOR EACH ROW BEGIN"
                    + " IF NEW." + column + " = " + quoted(value) + " THEN"
                    + " DO GET_LOCK('" + lock + "', " + LONGEST_HOLD.toSeconds() + ");"
                    + " DO RELEASE_LOCK('" + lock + "');"
                    + " END IF; END");
        } catch (SQLException | RuntimeException failed) {
            holder.close();
            throw failed;
        }
        return new HeldInserts(holder, trigger, lock);
    }

    /** Returns once an insert waits here; fails after {@code timeout}. */
    public void awaitHeld(Duration timeout) throws SQLException, InterruptedException {
        Instant giveUp = Instant.now().plus(timeout);
        try (Statement sql = holder.createStatement()) {
            while (!waiting(sql)) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new AssertionError(
                            "no insert was held within " + timeout + "; the database's sessions: " + sessions(sql));
                }
                Thread.sleep(20);
            }
        }
    }

    /** The held insert goes on (and any held later is not held). */
    public void release() throws SQLException {
        if (holding) {
            try (Statement sql = holder.createStatement()) {
                sql.execute("DO RELEASE_LOCK('" + lock + "')");
            }
            holding = false;
        }
    }

    @Override
    public void close() throws SQLException {
        try (holder;
                Statement sql = holder.createStatement()) {
            release();
            sql.execute("DROP TRIGGER IF EXISTS " + trigger);
        }
    }

    private boolean waiting(Statement sql) throws SQLException {
        try (ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                + " WHERE STATE = 'User lock' AND INFO LIKE '%" + lock + "%'")) {
            rows.next();
            return rows.getInt(1) > 0;
        }
    }

    private static String sessions(Statement sql) throws SQLException {
        StringBuilder seen = new StringBuilder();
        try (ResultSet rows = sql.executeQuery("SELECT STATE, INFO FROM information_schema.PROCESSLIST")) {
            while (rows.next()) {
                seen.append('[')
                        .append(rows.getString(1))
                        .append(": ")
                        .append(rows.getString(2))
                        .append("] ");
            }
        }
        return seen.toString();
    }

    private static void locked(Statement sql, String getLock) throws SQLException {
        try (ResultSet taken = sql.executeQuery(getLock)) {
            if (!taken.next() || taken.getInt(1) != 1) {
                throw new IllegalStateException("the hold's lock is taken: " + getLock);
            }
        }
    }

    private static String quoted(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
