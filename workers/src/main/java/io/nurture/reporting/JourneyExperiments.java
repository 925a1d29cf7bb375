package io.nurture.reporting;

import static io.nurture.persistence.UtcColumns.utc;

import io.nurture.processes.JourneySteps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The A/B/n tests of a journey's message steps: per step that sent a variant in the period, per
 * variant customers were given (the control first, also while nobody was sent it yet) the customers
 * sent it, those of them who placed an order within the window after it that
 * was delivered (the conversions the uplift report counts), and the verdict of the fixed-horizon
 * rule ({@link ExperimentVerdict}). The counts come from SQL over the engagement log, the variants
 * customers were given and the orders.
 */
@Service
public class JourneyExperiments {

    private static final String ARMS = """
            WITH sent AS (
                SELECT s.step, s.customer_id, MIN(s.at) AS at
                FROM engagement_steps s
                WHERE s.step IN (:steps) AND s.outcome = 'SENT' AND s.at >= :from AND s.at < :to
                GROUP BY s.step, s.customer_id
            ), converted AS (
                SELECT sent.step, sent.customer_id, COUNT(o.id) > 0 AS converted
                FROM sent
                LEFT JOIN orders o ON o.customer_id = sent.customer_id AND o.status = 'DELIVERED'
                     AND o.replaces_order_id IS NULL
                     AND o.created_at > sent.at AND o.created_at <= DATE_ADD(sent.at, INTERVAL :window SECOND)
                GROUP BY sent.step, sent.customer_id
            )
            SELECT v.journey_step, v.variant, MIN(v.position) AS position, MIN(v.template) AS template,
                   COUNT(c.customer_id) AS customers, COALESCE(SUM(c.converted), 0) AS conversions
            FROM message_variants v
            LEFT JOIN converted c ON c.customer_id = v.customer_id AND c.step = v.journey_step
            WHERE v.journey_step IN (:steps)
            GROUP BY v.journey_step, v.variant
            ORDER BY v.journey_step, position""";

    private final JdbcClient db;

    JourneyExperiments(JdbcClient db) {
        this.db = db;
    }

    /**
     * Empty when there is no such journey; a step appears once a variant of it was sent.
     *
     * @param horizon customers per variant the test was planned for
     */
    @Transactional(readOnly = true)
    public Optional<List<ExperimentVerdict.StepExperiment>> of(
            String journey, Instant from, Instant to, Duration window, long horizon) {
        return JourneySteps.of(journey)
                .map(steps -> steps.isEmpty() ? List.of() : measure(steps, from, to, window, horizon));
    }

    private List<ExperimentVerdict.StepExperiment> measure(
            List<String> steps, Instant from, Instant to, Duration window, long horizon) {
        Map<String, List<ExperimentVerdict.Arm>> armsByStep = new LinkedHashMap<>();
        db.sql(ARMS)
                .param("steps", steps)
                .param("from", utc(from))
                .param("to", utc(to))
                .param("window", window.toSeconds())
                .query((row, n) -> Map.entry(
                        row.getString("journey_step"),
                        new ExperimentVerdict.Arm(
                                row.getString("variant"),
                                row.getString("template"),
                                row.getLong("customers"),
                                row.getLong("conversions"))))
                .list()
                .forEach(arm -> armsByStep
                        .computeIfAbsent(arm.getKey(), step -> new ArrayList<>())
                        .add(arm.getValue()));
        return steps.stream()
                .filter(step ->
                        armsByStep.getOrDefault(step, List.of()).stream().anyMatch(arm -> arm.customers() > 0))
                .map(step -> ExperimentVerdict.of(step, armsByStep.get(step), horizon))
                .toList();
    }
}
