package io.nurture.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Plays a step of Nurture that holds a row: locks one row {@code FOR UPDATE} on a connection of its
 * own, in a transaction that stays open until closed (and rolled back, so nothing is written). What
 * runs meanwhile shows whether it waits for that step.
 */
public final class HeldRow implements AutoCloseable {

    private final Connection holder;

    private HeldRow(Connection holder) {
        this.holder = holder;
    }

    /** Holds the row of {@code table} whose {@code key} column is {@code value}; names are the test's own. */
    public static HeldRow of(DataSource dataSource, String table, String key, String value) throws SQLException {
        Connection holder = dataSource.getConnection();
        try (PreparedStatement hold =
                holder.prepareStatement("SELECT " + key + " FROM " + table + " WHERE " + key + " = ? FOR UPDATE")) {
            holder.setAutoCommit(false);
            hold.setString(1, value);
            hold.executeQuery().close();
            return new HeldRow(holder);
        } catch (SQLException | RuntimeException failed) {
            holder.close();
            throw failed;
        }
    }

    @Override
    public void close() throws SQLException {
        try (holder) {
            holder.rollback();
        }
    }
}
