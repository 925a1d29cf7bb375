package io.nurture.engagement;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Records each engagement step once per job, so the journey view and the metrics can count them. */
@Component
public class EngagementLog {

    static final String CONSENT_WITHDRAWN = "CONSENT_WITHDRAWN";

    private final EngagementStepRepository steps;
    private final Clock clock;
    private final MeterRegistry meters;

    EngagementLog(EngagementStepRepository steps, Clock clock, MeterRegistry meters) {
        this.steps = steps;
        this.clock = clock;
        this.meters = meters;
    }

    /** A job's step is recorded (and its mail sent) once, however often the job is delivered. */
    static String stepKey(long jobKey) {
        return "job-" + jobKey;
    }

    /** The customer's engagement steps, oldest first. */
    @Transactional(readOnly = true)
    public List<EngagementStep> stepsOf(String customerId) {
        return steps.findByCustomerIdOrderByAtAscIdAsc(customerId);
    }

    /** A message the contact policy skipped: it shows in the customer's journey and the funnel with its reason. */
    @Transactional
    public void recordSkip(String customerId, String step, String reason, String stepKey) {
        record(customerId, null, step, EngagementStep.SKIPPED, reason, stepKey);
    }

    /** How many messages of the steps starting so the customer was sent since the instant. */
    long sentSince(String customerId, String stepPrefix, Instant since) {
        return steps.countByCustomerIdAndStepStartingWithAndOutcomeAndAtAfter(
                customerId, stepPrefix, EngagementStep.SENT, since);
    }

    /**
     * A step's message: {@code SENT} (with {@code reason}) when it was written, {@code SKIPPED}
     * {@code CONSENT_WITHDRAWN} when the customer unsubscribed or was erased after the contact policy
     * allowed it, so funnels and experiments do not count a mail that never went.
     */
    void recordSend(boolean written, String customerId, String orderId, String step, String reason, String stepKey) {
        record(
                customerId,
                orderId,
                step,
                written ? EngagementStep.SENT : EngagementStep.SKIPPED,
                written ? reason : CONSENT_WITHDRAWN,
                stepKey);
    }

    void record(String customerId, String orderId, String step, String outcome, String reason, String stepKey) {
        if (!steps.existsByStepKey(stepKey)) {
            steps.save(new EngagementStep(customerId, orderId, step, outcome, reason, clock.instant(), stepKey));
            meters.counter(
                            "nurture.engagement.steps",
                            "step",
                            step,
                            "outcome",
                            outcome,
                            "reason",
                            reason == null ? "" : reason)
                    .increment();
        }
    }
}
