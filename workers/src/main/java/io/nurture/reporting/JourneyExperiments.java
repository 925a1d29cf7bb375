package io.nurture.reporting;

import static io.nurture.persistence.UtcColumns.utc;

import io.nurture.processes.JourneySteps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The A/B/n tests of a journey's message steps: each experiment (a list of variants a model set)
 * that sent a variant in the period, from its first customer on. Per variant: the customers sent it
 * up to the period's end whose window has closed, those of them who placed an order within the
 * window that was delivered (the conversions the uplift report counts), those still inside their
 * window (not counted yet), and the verdict of the fixed-horizon rule ({@link ExperimentVerdict}).
 * The counts come from SQL over the engagement log, the variants customers were given and the orders.
 */
@Service
public class JourneyExperiments {

    private static final String ARMS = """
            WITH tests AS (
                SELECT DISTINCT v.journey_step, v.experiment
                FROM message_variants v
                JOIN engagement_steps s ON s.customer_id = v.customer_id AND s.step = v.journey_step
                     AND s.outcome = 'SENT' AND s.at >= v.assigned_at AND s.at >= :from AND s.at < :to
                WHERE v.journey_step IN (:steps)
            ), sent AS (
                SELECT v.journey_step, v.experiment, v.customer_id, MIN(s.at) AS at
                FROM tests t
                JOIN message_variants v ON v.journey_step = t.journey_step AND v.experiment = t.experiment
                JOIN engagement_steps s ON s.customer_id = v.customer_id AND s.step = v.journey_step
                     AND s.outcome = 'SENT' AND s.at >= v.assigned_at AND s.at < :to
                GROUP BY v.journey_step, v.experiment, v.customer_id
            ), outcome AS (
                SELECT sent.journey_step, sent.experiment, sent.customer_id,
                       sent.at <= DATE_SUB(:to, INTERVAL :window SECOND) AS closed,
                       EXISTS (SELECT 1 FROM orders o WHERE %s) AS converted
                FROM sent
            )
            SELECT v.journey_step, v.experiment, v.variant, MIN(v.position) AS position, MIN(v.template) AS template,
                   MIN(v.variant_count) AS variant_count, MIN(v.assigned_at) AS since,
                   COALESCE(SUM(o.closed), 0) AS customers, COALESCE(SUM(o.closed AND o.converted), 0) AS conversions,
                   COALESCE(SUM(NOT o.closed), 0) AS awaiting
            FROM tests t
            JOIN message_variants v ON v.journey_step = t.journey_step AND v.experiment = t.experiment
            LEFT JOIN outcome o ON o.journey_step = v.journey_step AND o.experiment = v.experiment
                 AND o.customer_id = v.customer_id
            GROUP BY v.journey_step, v.experiment, v.variant
            ORDER BY v.journey_step, v.experiment, position""".formatted(Conversion.ofOrderAfter("sent"));

    private final JdbcClient db;

    JourneyExperiments(JdbcClient db) {
        this.db = db;
    }

    /**
     * Empty when there is no such journey; in the model's order of steps, each step's experiments
     * oldest first.
     *
     * @param horizon customers per variant the tests were planned for
     */
    @Transactional(readOnly = true)
    public Optional<List<ExperimentVerdict.StepExperiment>> of(
            String journey, Instant from, Instant to, Duration window, long horizon) {
        return JourneySteps.of(journey)
                .map(steps -> steps.isEmpty() ? List.of() : measure(steps, from, to, window, horizon));
    }

    private List<ExperimentVerdict.StepExperiment> measure(
            List<String> steps, Instant from, Instant to, Duration window, long horizon) {
        Map<List<String>, List<Row>> byExperiment = new LinkedHashMap<>();
        db.sql(ARMS)
                .param("steps", steps)
                .param("from", utc(from))
                .param("to", utc(to))
                .param("window", window.toSeconds())
                .query((row, n) -> Row.of(row))
                .list()
                .forEach(row -> byExperiment
                        .computeIfAbsent(List.of(row.step(), row.experiment()), key -> new ArrayList<>())
                        .add(row));
        return byExperiment.values().stream()
                .map(rows -> verdict(rows, horizon))
                .sorted(Comparator.comparing((ExperimentVerdict.StepExperiment test) -> steps.indexOf(test.step()))
                        .thenComparing(ExperimentVerdict.StepExperiment::since))
                .toList();
    }

    private static ExperimentVerdict.StepExperiment verdict(List<Row> rows, long horizon) {
        Row first = rows.get(0);
        Instant since =
                rows.stream().map(Row::since).min(Comparator.naturalOrder()).orElseThrow();
        return ExperimentVerdict.of(
                first.step(),
                first.experiment(),
                since,
                rows.stream().map(Row::arm).toList(),
                first.variantCount(),
                horizon);
    }

    private record Row(String step, String experiment, Instant since, int variantCount, ExperimentVerdict.Arm arm) {
        static Row of(ResultSet row) throws SQLException {
            return new Row(
                    row.getString("journey_step"),
                    row.getString("experiment"),
                    row.getObject("since", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                    row.getInt("variant_count"),
                    new ExperimentVerdict.Arm(
                            row.getString("variant"),
                            row.getInt("position"),
                            row.getString("template"),
                            row.getLong("customers"),
                            row.getLong("conversions"),
                            row.getLong("awaiting")));
        }
    }
}
