package io.nurture.reporting;

import static io.nurture.reporting.Figures.medianHours;
import static io.nurture.reporting.Figures.period;
import static io.nurture.reporting.Figures.ratio;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Return figures for a period, computed in SQL from the returns and orders as stored. */
@Component
public class ReturnMetrics {

    private final JdbcClient jdbc;

    ReturnMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param ordersDelivered      orders delivered in the period (returned in full since, too)
     * @param ordersReturned       of those, orders with a return open or one that took something back (not refused, not unsent, not turned down at inspection)
     * @param returnRate           ordersReturned / ordersDelivered; null without deliveries
     * @param requested            returns asked for in the period
     * @param unitsByReason        units asked back in the period's returns, per reason
     * @param returnsByStatus      the period's returns, per status now
     * @param refunds              returns refunded in the period
     * @param refunded             what they gave back (or owe back to a transfer)
     * @param medianHoursToRefund  from request to refund, over the returns refunded in the period; null without any
     */
    public record Report(
            Instant from,
            Instant to,
            long ordersDelivered,
            long ordersReturned,
            BigDecimal returnRate,
            long requested,
            Map<String, Long> unitsByReason,
            Map<String, Long> returnsByStatus,
            long refunds,
            BigDecimal refunded,
            BigDecimal medianHoursToRefund) {}

    @Transactional(readOnly = true)
    public Report report(Instant from, Instant to) {
        long[] rate = returnRate(from, to);
        List<long[]> refunds = refundsIn(from, to);
        return new Report(
                from,
                to,
                rate[0],
                rate[1],
                ratio(rate[1], rate[0]),
                period(
                                jdbc.sql("SELECT COUNT(*) FROM returns WHERE created_at >= :from AND created_at < :to"),
                                from,
                                to)
                        .query(Long.class)
                        .single(),
                counts("""
                        SELECT l.reason AS name, SUM(l.quantity) AS n FROM return_lines l JOIN returns r ON r.id = l.return_id
                        WHERE r.created_at >= :from AND r.created_at < :to GROUP BY l.reason
                        """, from, to),
                counts("""
                        SELECT status AS name, COUNT(*) AS n FROM returns
                        WHERE created_at >= :from AND created_at < :to GROUP BY status
                        """, from, to),
                refunds.size(),
                refundedIn(from, to),
                medianHours(refunds.stream().map(refund -> refund[0]).sorted().toList()));
    }

    private long[] returnRate(Instant from, Instant to) {
        return period(jdbc.sql("""
                                SELECT COUNT(DISTINCT o.id) AS delivered, COUNT(DISTINCT r.order_id) AS returned FROM orders o
                                LEFT JOIN returns r ON r.order_id = o.id AND r.status NOT IN ('REJECTED', 'NOT_SENT_BACK', 'NOTHING_ACCEPTED')
                                WHERE o.delivered_at >= :from AND o.delivered_at < :to AND o.status IN ('DELIVERED', 'RETURNED')
                                AND o.replaces_order_id IS NULL
                                """), from, to)
                .query((rs, row) -> new long[] {rs.getLong("delivered"), rs.getLong("returned")})
                .single();
    }

    private List<long[]> refundsIn(Instant from, Instant to) {
        return period(jdbc.sql("""
                                SELECT TIMESTAMPDIFF(SECOND, r.created_at, t.at) AS seconds FROM returns r
                                JOIN return_timeline t ON t.return_id = r.id AND t.status = 'REFUNDED'
                                WHERE t.at >= :from AND t.at < :to
                                """), from, to)
                .query((rs, row) -> new long[] {rs.getLong("seconds")})
                .list();
    }

    private BigDecimal refundedIn(Instant from, Instant to) {
        return period(jdbc.sql("""
                                SELECT COALESCE(SUM(r.refund_amount), 0) FROM returns r
                                JOIN return_timeline t ON t.return_id = r.id AND t.status = 'REFUNDED'
                                WHERE t.at >= :from AND t.at < :to
                                """), from, to).query(BigDecimal.class).single();
    }

    private Map<String, Long> counts(String sql, Instant from, Instant to) {
        Map<String, Long> counts = new TreeMap<>();
        period(jdbc.sql(sql), from, to)
                .query((rs, row) -> Map.entry(rs.getString("name"), rs.getLong("n")))
                .list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }
}
