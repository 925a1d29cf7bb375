package io.nurture.reporting;

import static io.nurture.persistence.UtcColumns.utc;

import io.nurture.processes.JourneySteps;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a journey's marketing steps earn, measured against their holdout groups: per step, the
 * customers sent the message (treatment) and those held out in the period, how many of each placed
 * an order within the window after the step that was delivered, the absolute uplift with a 95 %
 * confidence interval (normal approximation for a difference of two proportions) and the coupon
 * discount spent per extra order. Every figure is computed in SQL from the engagement log and the
 * orders.
 */
@Service
public class JourneyUplift {

    private static final String UPLIFT = """
            WITH exposed AS (
                SELECT s.step, s.customer_id, MIN(s.at) AS at, MAX(s.outcome = 'SENT') AS treated
                FROM engagement_steps s
                WHERE s.step IN (:steps) AND s.at >= :from AND s.at < :to
                  AND (s.outcome = 'SENT' OR (s.outcome = 'SKIPPED' AND s.reason = 'HOLDOUT'))
                GROUP BY s.step, s.customer_id
            ), converted AS (
                SELECT e.step, e.treated, COUNT(o.id) > 0 AS converted, COALESCE(SUM(o.discount), 0) AS discount
                FROM exposed e
                LEFT JOIN orders o ON %s
                GROUP BY e.step, e.customer_id, e.treated
            ), totals AS (
                SELECT step, SUM(treated) AS nt, SUM(1 - treated) AS nh, SUM(treated * converted) AS ct,
                       SUM((1 - treated) * converted) AS ch, SUM(treated * discount) AS cost
                FROM converted GROUP BY step
            ), rates AS (
                SELECT totals.*, ct * 1.0e0 / NULLIF(nt, 0) AS rt, ch * 1.0e0 / NULLIF(nh, 0) AS rh FROM totals
            ), measured AS (
                SELECT rates.*, rt - rh AS uplift,
                       1.96e0 * SQRT(rt * (1 - rt) / NULLIF(nt, 0) + rh * (1 - rh) / NULLIF(nh, 0)) AS margin
                FROM rates
            )
            SELECT step, nt, nh, ct, ch, rt, rh, uplift, uplift - margin AS uplift_low, uplift + margin AS uplift_high,
                   CASE WHEN uplift > 0 THEN ROUND(cost / (uplift * nt), 2) END AS cost_per_extra_order
            FROM measured""".formatted(Conversion.ofOrderAfter("e"));

    private final JdbcClient db;

    JourneyUplift(JdbcClient db) {
        this.db = db;
    }

    /** Empty when there is no such journey; a step appears once someone was sent or held out. */
    @Transactional(readOnly = true)
    public Optional<List<StepUplift>> of(String journey, Instant from, Instant to, Duration window) {
        return JourneySteps.of(journey).map(steps -> steps.isEmpty() ? List.of() : measure(steps, from, to, window));
    }

    private List<StepUplift> measure(List<String> steps, Instant from, Instant to, Duration window) {
        Map<String, StepUplift> byStep = db
                .sql(UPLIFT)
                .param("steps", steps)
                .param("from", utc(from))
                .param("to", utc(to))
                .param("window", window.toSeconds())
                .query((row, n) -> new StepUplift(
                        row.getString("step"),
                        row.getLong("nt"),
                        row.getLong("nh"),
                        row.getLong("ct"),
                        row.getLong("ch"),
                        row.getObject("rt", Double.class),
                        row.getObject("rh", Double.class),
                        row.getObject("uplift", Double.class),
                        row.getObject("uplift_low", Double.class),
                        row.getObject("uplift_high", Double.class),
                        row.getBigDecimal("cost_per_extra_order")))
                .list()
                .stream()
                .collect(Collectors.toMap(StepUplift::step, Function.identity()));
        return steps.stream().filter(byStep::containsKey).map(byStep::get).toList();
    }

    /**
     * @param treatment           customers sent the step's message in the period
     * @param holdout             customers held out of it
     * @param upliftLow           lower end of the 95 % confidence interval of {@code uplift}
     * @param couponCostPerExtraOrder coupon discount on the treatment's orders per order the step added; null without uplift
     */
    public record StepUplift(
            String step,
            long treatment,
            long holdout,
            long treatmentConversions,
            long holdoutConversions,
            Double treatmentRate,
            Double holdoutRate,
            Double uplift,
            Double upliftLow,
            Double upliftHigh,
            BigDecimal couponCostPerExtraOrder) {}
}
