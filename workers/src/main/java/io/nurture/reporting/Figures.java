package io.nurture.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What every report here computes alike: its period's bounds, ratios, medians. */
final class Figures {

    private Figures() {}

    /** Binds {@code :from} (inclusive) and {@code :to} (exclusive). */
    static JdbcClient.StatementSpec period(JdbcClient.StatementSpec statement, Instant from, Instant to) {
        return statement.param("from", Timestamp.from(from)).param("to", Timestamp.from(to));
    }

    /** part / whole to three places; null when there is no whole. */
    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }

    /** The median of durations in seconds, sorted ascending, in hours to one place; null for none. */
    static BigDecimal medianHours(List<Long> sortedSeconds) {
        if (sortedSeconds.isEmpty()) {
            return null;
        }
        int middle = sortedSeconds.size() / 2;
        double median = sortedSeconds.size() % 2 == 1
                ? sortedSeconds.get(middle)
                : (sortedSeconds.get(middle - 1) + sortedSeconds.get(middle)) / 2.0;
        return BigDecimal.valueOf(median / 3600).setScale(1, RoundingMode.HALF_UP);
    }
}
