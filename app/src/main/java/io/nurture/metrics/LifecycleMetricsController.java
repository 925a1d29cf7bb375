package io.nurture.metrics;

import io.nurture.api.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LifecycleMetricsController {

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    private final LifecycleMetrics metrics;
    private final Clock clock;

    LifecycleMetricsController(LifecycleMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Lifecycle figures for a period: {@code from} inclusive, {@code to} exclusive, each an ISO
     * instant or a date (midnight UTC). Defaults: the last 30 days.
     */
    @GetMapping("/api/metrics/lifecycle")
    LifecycleMetrics.Report lifecycle(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Instant end = to == null ? clock.instant() : parse("to", to);
        Instant start = from == null ? end.minus(DEFAULT_PERIOD) : parse("from", from);
        if (!start.isBefore(end)) {
            throw new InvalidRequestException("from", "must be before to");
        }
        return metrics.report(start, end);
    }

    private static Instant parse(String field, String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be an ISO date (2026-11-01) or instant (2026-11-01T00:00:00Z)");
        }
    }
}
