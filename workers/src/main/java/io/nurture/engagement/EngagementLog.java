package io.nurture.engagement;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Records each engagement step once per job, so the journey view and the metrics can count them. */
@Component
class EngagementLog {

    private final EngagementStepRepository steps;
    private final Clock clock;
    private final MeterRegistry meters;

    EngagementLog(EngagementStepRepository steps, Clock clock, MeterRegistry meters) {
        this.steps = steps;
        this.clock = clock;
        this.meters = meters;
    }

    void record(String customerId, String orderId, String step, String outcome, String reason, String stepKey) {
        if (!steps.existsByStepKey(stepKey)) {
            steps.save(new EngagementStep(customerId, orderId, step, outcome, reason, clock.instant(), stepKey));
            meters.counter("nurture.engagement.steps", "step", step, "outcome", outcome).increment();
        }
    }
}
