package io.nurture.engagement;

import java.time.Clock;
import org.springframework.stereotype.Component;

/** Records each engagement step once per job, so the journey view and the metrics can count them. */
@Component
class EngagementLog {

    private final EngagementStepRepository steps;
    private final Clock clock;

    EngagementLog(EngagementStepRepository steps, Clock clock) {
        this.steps = steps;
        this.clock = clock;
    }

    void record(String customerId, String orderId, String step, String outcome, String reason, String stepKey) {
        if (!steps.existsByStepKey(stepKey)) {
            steps.save(new EngagementStep(customerId, orderId, step, outcome, reason, clock.instant(), stepKey));
        }
    }
}
