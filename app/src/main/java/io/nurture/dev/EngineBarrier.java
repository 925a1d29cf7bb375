package io.nurture.dev;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Whether the engine has processed every command written to it before this call, for whoever waits
 * for it to go quiet: a message no process waits for, published with no time to live, is answered
 * only once the engine has processed it, and the engine processes a partition's commands in the
 * order they were written (the local broker has one partition, unless its environment sets more;
 * then the probe speaks for its own partition only). Sending it also wakes the broker: after a
 * clock move, the timers that fell due were triggered only when the broker next woke (20 to 570 ms
 * later in a simulation), and a quiet window with nothing else to do had ended by then.
 */
@Component
@ConditionalOnExpression(ActivityController.CONDITION)
class EngineBarrier {

    /** The probe's name: no process has a message event of that name, so it correlates nowhere. */
    static final String PROBE = "nurture-dev-settle-probe";

    private static final Logger LOG = LoggerFactory.getLogger(EngineBarrier.class);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ObjectProvider<CamundaClient> client;

    EngineBarrier(ObjectProvider<CamundaClient> client) {
        this.client = client;
    }

    /** @return whether the engine answered the probe: false when it pushed back or did not answer in time */
    boolean caughtUp() {
        try {
            client.getObject()
                    .newPublishMessageCommand()
                    .messageName(PROBE)
                    .correlationKey(PROBE)
                    .timeToLive(Duration.ZERO)
                    // Its own timeout, not the client's minute: a probe given up on must not count as a
                    // request in flight after the look that sent it.
                    .requestTimeout(WAIT)
                    .send()
                    .join(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (RuntimeException notAnswered) {
            LOG.debug("The engine did not answer the settle probe: {}", notAnswered.toString());
            return false;
        }
    }
}
