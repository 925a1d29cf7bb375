package io.nurture.reporting;

import static io.nurture.reporting.Figures.medianHours;
import static io.nurture.reporting.Figures.period;
import static io.nurture.reporting.Figures.ratio;

import io.nurture.customer.LifecycleStage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every figure is computed in SQL from stored facts (stage history, orders, surveys, engagement
 * steps, coupons), never kept as a running counter that could drift.
 */
@Component
public class LifecycleMetrics {

    private final JdbcClient jdbc;

    LifecycleMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Report report(Instant from, Instant to) {
        return new Report(
                from,
                to,
                customersByStage(),
                transitions(from, to),
                repeatPurchaseRate(to),
                surveys(from, to),
                reEngagement(from, to),
                winBack(from, to),
                medianOrderToDeliveryHours(from, to),
                ordersByStatus());
    }

    /**
     * The period cut into equal parts, for charts over time: per part, the customers in each stage
     * at its end (from the stage history), and the transitions, surveys, repeat-purchase rate and
     * delivery time within it.
     */
    @Transactional(readOnly = true)
    public List<Part> series(Instant from, Instant to, int parts) {
        Duration width = Duration.between(from, to).dividedBy(parts);
        List<Part> series = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            Instant start = from.plus(width.multipliedBy(i));
            Instant end = i == parts - 1 ? to : start.plus(width);
            series.add(new Part(
                    start,
                    end,
                    customersByStageAt(end),
                    transitions(start, end),
                    surveys(start, end),
                    repeatPurchaseRate(end),
                    medianOrderToDeliveryHours(start, end)));
        }
        return series;
    }

    /** Each customer registered before the moment, in the stage their latest change before it put them in. */
    private Map<LifecycleStage, Long> customersByStageAt(Instant moment) {
        Map<LifecycleStage, Long> counts = zeroPerStage();
        jdbc.sql("""
                SELECT stage, COUNT(*) AS n FROM (
                    SELECT COALESCE((SELECT h.to_stage FROM customer_stage_history h
                                     WHERE h.customer_id = c.id AND h.at < :moment ORDER BY h.at DESC, h.id DESC LIMIT 1),
                                    'PROSPECT') AS stage
                    FROM customers c WHERE c.created_at < :moment) staged
                GROUP BY stage
                """)
                .param("moment", Timestamp.from(moment))
                .query((rs, row) -> counts.put(LifecycleStage.valueOf(rs.getString("stage")), rs.getLong("n")))
                .list();
        return counts;
    }

    /** Orders now, per status. */
    private Map<String, Long> ordersByStatus() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT status, COUNT(*) AS n FROM orders GROUP BY status")
                .query((rs, row) -> counts.put(rs.getString("status"), rs.getLong("n")))
                .list();
        return counts;
    }

    private Map<LifecycleStage, Long> customersByStage() {
        Map<LifecycleStage, Long> counts = zeroPerStage();
        jdbc.sql("SELECT stage, COUNT(*) AS n FROM customers GROUP BY stage")
                .query((rs, row) -> counts.put(LifecycleStage.valueOf(rs.getString("stage")), rs.getLong("n")))
                .list();
        return counts;
    }

    private Map<LifecycleStage, Long> transitions(Instant from, Instant to) {
        Map<LifecycleStage, Long> counts = zeroPerStage();
        period(jdbc.sql("""
                SELECT to_stage, COUNT(*) AS n FROM customer_stage_history
                WHERE at >= :from AND at < :to GROUP BY to_stage
                """), from, to)
                .query((rs, row) -> counts.put(LifecycleStage.valueOf(rs.getString("to_stage")), rs.getLong("n")))
                .list();
        return counts;
    }

    /** Of the customers with a delivered order by the period's end, the share with two or more. */
    private BigDecimal repeatPurchaseRate(Instant to) {
        return jdbc.sql("""
                SELECT COUNT(*) AS buyers, COALESCE(SUM(CASE WHEN n >= 2 THEN 1 ELSE 0 END), 0) AS repeaters
                FROM (SELECT customer_id, COUNT(*) AS n FROM orders
                      WHERE status = 'DELIVERED' AND replaces_order_id IS NULL AND delivered_at < :to GROUP BY customer_id) delivered
                """)
                .param("to", Timestamp.from(to))
                .query((rs, row) -> ratio(rs.getLong("repeaters"), rs.getLong("buyers")))
                // single() refuses the null rate of a shop without buyers yet
                .list()
                .getFirst();
    }

    /** Surveys sent in the period: how many were answered, and the NPS of those answers. */
    private SurveyFigures surveys(Instant from, Instant to) {
        return period(jdbc.sql("""
                SELECT COUNT(*) AS sent,
                       COALESCE(SUM(CASE WHEN status = 'ANSWERED' THEN 1 ELSE 0 END), 0) AS answered,
                       COALESCE(SUM(CASE WHEN score >= 9 THEN 1 ELSE 0 END), 0) AS promoters,
                       COALESCE(SUM(CASE WHEN score <= 6 THEN 1 ELSE 0 END), 0) AS detractors
                FROM surveys WHERE sent_at >= :from AND sent_at < :to
                """), from, to)
                .query((rs, row) -> {
                    long answered = rs.getLong("answered");
                    BigDecimal nps = answered == 0
                            ? null
                            : BigDecimal.valueOf(100L * (rs.getLong("promoters") - rs.getLong("detractors")))
                                    .divide(BigDecimal.valueOf(answered), 1, RoundingMode.HALF_UP);
                    return new SurveyFigures(rs.getLong("sent"), answered, ratio(answered, rs.getLong("sent")), nps);
                })
                .single();
    }

    /** Re-engagement messages sent in the period, and how many of those customers ordered afterwards. */
    private Conversion reEngagement(Instant from, Instant to) {
        return period(jdbc.sql("""
                SELECT COUNT(*) AS sent,
                       COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = s.customer_id
                                                      AND o.created_at > s.at) THEN 1 ELSE 0 END), 0) AS converted
                FROM engagement_steps s
                WHERE s.step = 'RE_ENGAGEMENT' AND s.outcome = 'SENT' AND s.at >= :from AND s.at < :to
                """), from, to)
                .query((rs, row) -> new Conversion(
                        rs.getLong("sent"),
                        rs.getLong("converted"),
                        ratio(rs.getLong("converted"), rs.getLong("sent"))))
                .single();
    }

    /** Win-back coupons issued in the period, and how many were redeemed on an order. */
    private Conversion winBack(Instant from, Instant to) {
        return period(jdbc.sql("""
                SELECT COUNT(*) AS sent, COALESCE(SUM(CASE WHEN redeemed_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS converted
                FROM coupons WHERE kind = 'WIN_BACK' AND issued_at >= :from AND issued_at < :to
                """), from, to)
                .query((rs, row) -> new Conversion(
                        rs.getLong("sent"),
                        rs.getLong("converted"),
                        ratio(rs.getLong("converted"), rs.getLong("sent"))))
                .single();
    }

    /** Median hours from order to delivery, over orders delivered in the period. */
    private BigDecimal medianOrderToDeliveryHours(Instant from, Instant to) {
        List<Long> seconds = period(jdbc.sql("""
                SELECT TIMESTAMPDIFF(SECOND, created_at, delivered_at) AS seconds FROM orders
                WHERE delivered_at >= :from AND delivered_at < :to ORDER BY seconds
                """), from, to).query(Long.class).list();
        return medianHours(seconds);
    }

    private static Map<LifecycleStage, Long> zeroPerStage() {
        Map<LifecycleStage, Long> counts = new LinkedHashMap<>();
        Arrays.stream(LifecycleStage.values()).forEach(stage -> counts.put(stage, 0L));
        return counts;
    }

    public record Report(
            Instant from,
            Instant to,
            Map<LifecycleStage, Long> customersByStage,
            Map<LifecycleStage, Long> stageTransitions,
            BigDecimal repeatPurchaseRate,
            SurveyFigures surveys,
            Conversion reEngagement,
            Conversion winBack,
            BigDecimal medianOrderToDeliveryHours,
            Map<String, Long> ordersByStatus) {}

    public record Part(
            Instant from,
            Instant to,
            Map<LifecycleStage, Long> customersByStage,
            Map<LifecycleStage, Long> stageTransitions,
            SurveyFigures surveys,
            BigDecimal repeatPurchaseRate,
            BigDecimal medianOrderToDeliveryHours) {}

    public record SurveyFigures(long sent, long answered, BigDecimal responseRate, BigDecimal nps) {}

    public record Conversion(long sent, long converted, BigDecimal conversionRate) {}
}
