package io.nurture.metrics;

import io.nurture.api.ReportPeriod;
import java.time.Clock;
import java.time.Duration;
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
        ReportPeriod period = ReportPeriod.of(from, to, clock, DEFAULT_PERIOD);
        return metrics.report(period.from(), period.to());
    }
}
