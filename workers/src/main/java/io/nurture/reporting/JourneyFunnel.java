package io.nurture.reporting;

import static io.nurture.persistence.UtcColumns.utc;

import io.nurture.processes.JourneySteps;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How far customers get through a journey in a period, step by step in the model's order, counted
 * in SQL from the engagement log: who reached each step, who was sent its message, who was skipped
 * and why, and who bought afterwards (an order placed after the step, before the period ends, and
 * delivered; the one place this capability reads the orders table).
 */
@Service
public class JourneyFunnel {

    private final JdbcClient db;

    JourneyFunnel(JdbcClient db) {
        this.db = db;
    }

    /** Empty when there is no such journey. */
    @Transactional(readOnly = true)
    public Optional<List<FunnelStep>> of(String journey, Instant from, Instant to) {
        return JourneySteps.of(journey).map(steps -> steps.isEmpty() ? List.of() : count(steps, utc(from), utc(to)));
    }

    private List<FunnelStep> count(List<String> steps, LocalDateTime from, LocalDateTime to) {
        Map<String, Counted> counted = db
                .sql("""
                SELECT s.step,
                       COUNT(DISTINCT s.customer_id),
                       COUNT(DISTINCT CASE WHEN s.outcome = 'SENT' THEN s.customer_id END),
                       COUNT(DISTINCT CASE WHEN s.outcome = 'DEFERRED' THEN s.customer_id END),
                       COUNT(DISTINCT CASE WHEN EXISTS (
                           SELECT 1 FROM orders o WHERE o.customer_id = s.customer_id AND o.status = 'DELIVERED'
                               AND o.replaces_order_id IS NULL
                               AND o.created_at > s.at AND o.created_at < :to) THEN s.customer_id END)
                FROM engagement_steps s
                WHERE s.step IN (:steps) AND s.at >= :from AND s.at < :to
                GROUP BY s.step""")
                .param("steps", steps)
                .param("from", from)
                .param("to", to)
                .query((row, n) ->
                        new Counted(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5)))
                .list()
                .stream()
                .collect(Collectors.toMap(Counted::step, Function.identity()));
        Map<String, Map<String, Long>> skipped = new HashMap<>();
        db.sql("""
                SELECT s.step, COALESCE(s.reason, 'UNKNOWN'), COUNT(DISTINCT s.customer_id)
                FROM engagement_steps s
                WHERE s.step IN (:steps) AND s.outcome = 'SKIPPED' AND s.at >= :from AND s.at < :to
                GROUP BY s.step, s.reason""")
                .param("steps", steps)
                .param("from", from)
                .param("to", to)
                .query((row, n) -> new Skip(row.getString(1), row.getString(2), row.getLong(3)))
                .list()
                .forEach(skip -> skipped.computeIfAbsent(skip.step(), step -> new TreeMap<>())
                        .put(skip.reason(), skip.customers()));
        return steps.stream()
                .map(step -> {
                    Counted count = counted.getOrDefault(step, new Counted(step, 0, 0, 0, 0));
                    return new FunnelStep(
                            step,
                            count.reached(),
                            count.sent(),
                            count.deferred(),
                            skipped.getOrDefault(step, Map.of()),
                            count.conversions());
                })
                .toList();
    }

    private record Counted(String step, long reached, long sent, long deferred, long conversions) {}

    private record Skip(String step, String reason, long customers) {}

    /**
     * @param reached     customers who reached the step in the period
     * @param sent        of them, customers whose message went out
     * @param deferred    customers whose message waited (quiet hours) before it was sent or skipped
     * @param skipped     customers skipped, by reason (no consent, frequency cap, ...)
     * @param conversions customers who reached it and then placed an order that was delivered
     */
    public record FunnelStep(
            String step, long reached, long sent, long deferred, Map<String, Long> skipped, long conversions) {}
}
