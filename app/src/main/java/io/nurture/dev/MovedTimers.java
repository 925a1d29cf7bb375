package io.nurture.dev;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Whether the timers a move of the clock made due have fired, for whoever waits for the engine to
 * go quiet after a move. The engine fires due timers from a task of its own, not in answer to a
 * command: some milliseconds after the move, oldest due date first, and in more than one go when
 * that task runs out of its 50 ms or its thread is held up by other work (the broker then reports an
 * actor "appears blocked"). A look in between can find an engine with nothing to do while the rest
 * wait to fire in the next simulated day. So each move first starts a probe: an instance whose timer
 * runs as long as the move and falls due just before the engine's time after it, so it fires after
 * every timer due earlier, and its job reaching the app says they have fired. Its instance key names
 * it: keys only grow, so a probe of an earlier move, or of an earlier run of the app, that fires late
 * never answers for a later one. On a broker with several partitions the probe speaks for its own.
 */
@Component
@ConditionalOnExpression(ActivityController.CONDITION)
public class MovedTimers {

    static final String PROCESS = "nurture-dev-clock-move";
    static final String JOB_TYPE = "nurture-dev-clock-move-fell-due";
    static final String WAIT = "wait";

    private static final Logger LOG = LoggerFactory.getLogger(MovedTimers.class);
    /** As long as the gateway waits for the broker: a busy machine took over 15 s for a first deployment. */
    static final Duration WAIT_FOR_ENGINE = Duration.ofMinutes(1);

    private final ObjectProvider<CamundaClient> client;
    private final AtomicLong fellDue = new AtomicLong();
    private volatile long awaited;
    private volatile boolean lastMoveProbed = true;
    private boolean deployed;

    MovedTimers(ObjectProvider<CamundaClient> client) {
        this.client = client;
    }

    /** Starts the probe of a move about to be made; an engine that cannot take one leaves the move unprobed. */
    synchronized void beforeMove(Duration by) {
        try {
            deploy();
            awaited = client.getObject()
                    .newCreateInstanceCommand()
                    .bpmnProcessId(PROCESS)
                    .latestVersion()
                    .variables(Map.<String, Object>of(WAIT, by.toString()))
                    .requestTimeout(WAIT_FOR_ENGINE)
                    .send()
                    .join(WAIT_FOR_ENGINE.toMillis(), TimeUnit.MILLISECONDS)
                    .getProcessInstanceKey();
            lastMoveProbed = true;
        } catch (RuntimeException refused) {
            lastMoveProbed = false;
            LOG.warn("No probe for the timers of this clock move ({}): {}", by, refused.toString());
        }
    }

    @JobWorker(type = JOB_TYPE)
    public void tellTheAppTheMoveFellDue(ActivatedJob job) {
        fellDue.accumulateAndGet(job.getProcessInstanceKey(), Math::max);
    }

    /**
     * @return whether the last move's probe has fired (true before any move); null when the last
     *     move has none, so nobody can say
     */
    Boolean fired() {
        return lastMoveProbed ? fellDue.get() >= awaited : null;
    }

    private void deploy() {
        if (!deployed) {
            client.getObject()
                    .newDeployResourceCommand()
                    .addProcessModel(model(), PROCESS + ".bpmn")
                    .requestTimeout(WAIT_FOR_ENGINE)
                    .send()
                    .join(WAIT_FOR_ENGINE.toMillis(), TimeUnit.MILLISECONDS);
            deployed = true;
        }
    }

    static BpmnModelInstance model() {
        return Bpmn.createExecutableProcess(PROCESS)
                .name("Clock move (development)")
                .startEvent("clock-moved")
                .name("Clock about to move")
                .intermediateCatchEvent("move-fell-due")
                .name("As long as the move")
                .timerWithDurationExpression(WAIT)
                .serviceTask("tell-the-app")
                .name("Tell the app the move fell due")
                .zeebeJobType(JOB_TYPE)
                .endEvent("told")
                .name("Told")
                .done();
    }
}
