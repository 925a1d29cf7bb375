package io.nurture.bench;

import io.nurture.local.EmbeddedMariaDb;
import io.nurture.testkit.LocalNurture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The statements the app sent its database, from the server's own counters ({@code SHOW GLOBAL
 * STATUS}): round trips per order are what the app's persistence costs, less noisy than CPU time.
 * The counts include what runs beside the orders: the outboxes' polls, a few statements a second,
 * and the metrics scrapes of a run whose mail goes to another server than the benchmark's.
 */
final class DatabaseStatements {

    private static final List<String> KINDS = List.of(
            "Questions", "Com_select", "Com_insert", "Com_update", "Com_delete", "Com_commit", "Com_set_option");

    private final LocalNurture app;

    DatabaseStatements(LocalNurture app) {
        this.app = app;
    }

    Map<String, Long> counts() {
        String url = "jdbc:mysql://127.0.0.1:" + app.databasePort() + "/?sslMode=DISABLED";
        try (Connection db = DriverManager.getConnection(
                        url, EmbeddedMariaDb.USER, EmbeddedMariaDb.passwordIn(app.dataDirectory()));
                Statement status = db.createStatement();
                ResultSet rows = status.executeQuery("SHOW GLOBAL STATUS")) {
            Map<String, Long> counts = new LinkedHashMap<>();
            while (rows.next()) {
                if (KINDS.contains(rows.getString(1))) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database's statement counters", e);
        }
    }

    /** Per order since {@code before}: all statements, then by kind. */
    static String perOrder(Map<String, Long> before, Map<String, Long> after, int orders) {
        return KINDS.stream()
                .map(kind -> String.format(
                        Locale.ROOT,
                        "%s %.1f",
                        kind.equals("Questions") ? "all" : kind.substring(4).replace('_', ' '),
                        (after.get(kind) - before.get(kind)) / (double) orders))
                .collect(Collectors.joining(", "));
    }
}
