package io.nurture.engagement.web;

import io.nurture.api.NotFoundException;
import io.nurture.api.ReportPeriod;
import io.nurture.reporting.ExperimentVerdict;
import io.nurture.reporting.JourneyExperiments;
import io.nurture.reporting.JourneyFunnel;
import io.nurture.reporting.JourneyUplift;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** How the customer journeys perform, for staff. */
@RestController
class JourneyController {

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    private final JourneyFunnel funnel;
    private final JourneyUplift uplift;
    private final JourneyExperiments experiments;
    private final Clock clock;

    JourneyController(JourneyFunnel funnel, JourneyUplift uplift, JourneyExperiments experiments, Clock clock) {
        this.funnel = funnel;
        this.uplift = uplift;
        this.experiments = experiments;
        this.clock = clock;
    }

    @Operation(summary = "A journey's funnel, step by step in the model's order", description = """
                    For each step of the journey (post-purchase, customer-retention, abandoned-checkout, welcome-series or browse-abandonment) in the order its BPMN \
                    model walks them: customers who reached it in the period, customers whose message was sent, \
                    customers whose message waited for their morning (deferred: quiet hours in contact-policy.dmn), \
                    customers skipped by reason (SUPPRESSED, UNSUBSCRIBED, NO_MARKETING_CONSENT, FREQUENCY_CAP, HOLDOUT), and conversions: \
                    customers who placed an order after the step, before the period's end, that was delivered. \
                    A step is a task marked with the extension property journeyStep in the model.""")
    @GetMapping("/api/journeys/{journey}/funnel")
    List<JourneyFunnel.FunnelStep> funnel(
            @PathVariable String journey,
            @Parameter(description = "ISO date or instant, inclusive; default: 30 days before to")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "ISO date or instant, exclusive; default: now") @RequestParam(required = false)
                    String to) {
        ReportPeriod period = ReportPeriod.of(from, to, clock, DEFAULT_PERIOD);
        return funnel.of(journey, period.from(), period.to())
                .orElseThrow(() -> new NotFoundException("No journey " + journey));
    }

    @Operation(
            summary = "What a journey's marketing steps earn, measured against their holdout groups",
            description = """
                    For each step of the journey that sent or held out someone in the period, in the model's order: \
                    customers sent the message (treatment) and customers held out (the step's holdout share, set in \
                    the model), conversions of each (an order placed within the window after the step and delivered), \
                    conversion rates, the absolute uplift with its 95 % confidence interval, and the coupon discount \
                    spent per extra order (null without uplift). All computed in SQL.""")
    @GetMapping("/api/journeys/{journey}/uplift")
    List<JourneyUplift.StepUplift> uplift(
            @PathVariable String journey,
            @Parameter(description = "ISO date or instant, inclusive; default: 30 days before to")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "ISO date or instant, exclusive; default: now") @RequestParam(required = false)
                    String to,
            @Parameter(
                            description = "ISO duration after each step in which an order counts",
                            schema = @Schema(type = "string", defaultValue = "P30D"))
                    @RequestParam(defaultValue = "P30D")
                    @DurationMin(seconds = 1)
                    Duration window) {
        ReportPeriod period = ReportPeriod.of(from, to, clock, DEFAULT_PERIOD);
        return uplift.of(journey, period.from(), period.to(), window)
                .orElseThrow(() -> new NotFoundException("No journey " + journey));
    }

    @Operation(summary = "The A/B/n tests of a journey's message steps, and what they say", description = """
                    For each step of the journey that sent a variant in the period (the variants the model lists in the \
                    step's contact-policy call), in the model's order: per variant its template, the customers sent it, \
                    their conversions (an order placed within the window after the step and delivered) and conversion \
                    rate, and for each variant but the control (the first listed) the difference to the control's rate \
                    with its confidence interval, Bonferroni-corrected so that the chance of a false winner is 5 % \
                    overall. The fixed-horizon rule (docs/experiments.md): status COLLECTING until every variant has \
                    reached the horizon, then WINNER (the variant whose interval lies wholly above zero with the \
                    largest difference) or CONTROL_HOLDS.""")
    @GetMapping("/api/journeys/{journey}/experiments")
    List<ExperimentVerdict.StepExperiment> experiments(
            @PathVariable String journey,
            @Parameter(description = "ISO date or instant, inclusive; default: 30 days before to")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "ISO date or instant, exclusive; default: now") @RequestParam(required = false)
                    String to,
            @Parameter(
                            description = "ISO duration after each step in which an order counts",
                            schema = @Schema(type = "string", defaultValue = "P30D"))
                    @RequestParam(defaultValue = "P30D")
                    @DurationMin(seconds = 1)
                    Duration window,
            @Parameter(
                            description =
                                    "customers per variant the test was planned for; no call before every variant has them")
                    @RequestParam(defaultValue = "1000")
                    @Min(1)
                    long horizon) {
        ReportPeriod period = ReportPeriod.of(from, to, clock, DEFAULT_PERIOD);
        return experiments
                .of(journey, period.from(), period.to(), window, horizon)
                .orElseThrow(() -> new NotFoundException("No journey " + journey));
    }
}
