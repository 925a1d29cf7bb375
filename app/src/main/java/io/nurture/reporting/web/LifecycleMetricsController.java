package io.nurture.reporting.web;

import io.nurture.api.InvalidRequestException;
import io.nurture.api.ReportPeriod;
import io.nurture.reporting.LifecycleMetrics;
import io.nurture.reporting.ReturnMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LifecycleMetricsController {

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    private static final int MAX_PARTS = 60;

    private final LifecycleMetrics metrics;
    private final ReturnMetrics returns;
    private final Clock clock;

    LifecycleMetricsController(LifecycleMetrics metrics, ReturnMetrics returns, Clock clock) {
        this.metrics = metrics;
        this.returns = returns;
        this.clock = clock;
    }

    /**
     * Return figures for a period (as {@code /api/metrics/lifecycle}'s): return rate of the orders
     * delivered in it, units asked back per reason, returns per status, what was refunded and how
     * long refunds took.
     */
    @GetMapping("/api/metrics/returns")
    ReturnMetrics.Report returns(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        ReportPeriod period = ReportPeriod.of(from, to, clock, DEFAULT_PERIOD);
        return returns.report(period.from(), period.to());
    }

    /**
     * Lifecycle figures for a period: {@code from} inclusive, {@code to} exclusive, each an ISO
     * instant or a date (midnight UTC). Defaults: the last 30 days.
     */
    @GetMapping("/api/metrics/lifecycle")
    LifecycleMetrics.Report lifecycle(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        ReportPeriod period = ReportPeriod.of(from, to, clock, DEFAULT_PERIOD);
        return metrics.report(period.from(), period.to());
    }

    /** The same figures over time: the period in {@code parts} equal parts (1 to 60, default 12), for charts. */
    @GetMapping("/api/metrics/lifecycle/series")
    List<LifecycleMetrics.Part> series(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false, defaultValue = "12") int parts) {
        if (parts < 1 || parts > MAX_PARTS) {
            throw new InvalidRequestException("parts", "must be between 1 and " + MAX_PARTS);
        }
        ReportPeriod period = ReportPeriod.of(from, to, clock, DEFAULT_PERIOD);
        return metrics.series(period.from(), period.to(), parts);
    }
}
