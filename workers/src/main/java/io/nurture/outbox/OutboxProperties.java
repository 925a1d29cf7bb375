package io.nurture.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the mail and engine outboxes are drained.
 *
 * @param pollInterval  how often an idle dispatcher looks for due rows; a commit that writes one wakes it at once
 * @param batchSize     rows claimed at a time (mail: sent over one SMTP connection; engine: published in parallel)
 * @param lease         how long a claimed row is left to its dispatcher before another may take it (crash recovery)
 * @param firstRetry    the wait after the first failed attempt, doubled after each further one
 * @param maxBackoff    the longest wait between two attempts
 * @param giveUpAfter   a row still undelivered this long after it was written is marked FAILED and logged
 * @param engineMaxInFlight engine messages published at once; more only meets the broker's back-pressure
 * @param mailBatchWait after a batch shorter than full, how long the mail outbox waits for more mail
 *                      before it claims again: fewer, fuller batches, each costing the same claim and marks
 */
@ConfigurationProperties("nurture.outbox")
public record OutboxProperties(
        @DefaultValue("PT1S") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("PT1M") Duration lease,
        @DefaultValue("PT1S") Duration firstRetry,
        @DefaultValue("PT5M") Duration maxBackoff,
        @DefaultValue("P3D") Duration giveUpAfter,
        @DefaultValue("16") int engineMaxInFlight,
        @DefaultValue("PT0.05S") Duration mailBatchWait) {

    Duration backoff(int failedAttempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
