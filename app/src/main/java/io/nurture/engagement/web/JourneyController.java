package io.nurture.engagement.web;

import io.nurture.api.NotFoundException;
import io.nurture.api.ReportPeriod;
import io.nurture.engagement.JourneyFunnel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** How the customer journeys perform, for staff. */
@RestController
class JourneyController {

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    private final JourneyFunnel funnel;
    private final Clock clock;

    JourneyController(JourneyFunnel funnel, Clock clock) {
        this.funnel = funnel;
        this.clock = clock;
    }

    @Operation(summary = "A journey's funnel, step by step in the model's order",
            description = """
                    For each step of the journey (post-purchase or customer-retention) in the order its BPMN \
                    model walks them: customers who reached it in the period, customers whose message was sent, \
                    customers skipped by reason (NO_MARKETING_CONSENT, FREQUENCY_CAP, ...), and conversions: \
                    customers who placed an order after the step, before the period's end, that was delivered. \
                    A step is a task marked with the extension property journeyStep in the model.""")
    @GetMapping("/api/journeys/{journey}/funnel")
    List<JourneyFunnel.FunnelStep> funnel(@PathVariable String journey,
            @Parameter(description = "ISO date or instant, inclusive; default: 30 days before to") @RequestParam(required = false) String from,
            @Parameter(description = "ISO date or instant, exclusive; default: now") @RequestParam(required = false) String to) {
        ReportPeriod period = ReportPeriod.of(from, to, clock, DEFAULT_PERIOD);
        return funnel.of(journey, period.from(), period.to()).orElseThrow(() -> new NotFoundException("No journey " + journey));
    }
}
