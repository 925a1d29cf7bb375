package io.nurture.dev;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nurture.clock.EngineProgress;
import io.nurture.outbox.OutboxDispatcher;
import io.nurture.runtime.JobsInFlight;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the app and its engine are busy with, for whoever moves the clock (the lifecycle
 * simulation): after a move it waits until, for a while, no job has started, none is running or
 * waiting in the client, no request to the engine awaits its answer, the outboxes are empty, the
 * timers the move made due have fired and the engine, having processed every command written to
 * it, has taken no step, so that the next simulated day starts from a settled state.
 */
@RestController
@RequestMapping("/api/dev/activity")
@ConditionalOnExpression(ActivityController.CONDITION)
class ActivityController {

    static final String CONDITION =
            "${nurture.dev.clock-control:false} and '${nurture.engine.mode:local}' != 'cluster'";

    /**
     * The Camunda client's job workers' own counter (io.camunda.client.metrics.CamundaClientMetricsBridge):
     * a job is "activated" when the client receives it and "handled" when its handler has returned,
     * whatever became of the command the handler sent. (The SDK's invocation counter counts a job
     * "completed" only once the engine answered the complete command: a lost answer under load left
     * a job counted as in the client for ever, and a simulation waiting for quiet waited in vain.)
     */
    private static final String CLIENT_JOBS = "camunda.client.worker.job";

    private static final String ACTIVATED = "activated";
    private static final String HANDLED = "handled";

    private final JobsInFlight jobs;
    private final EngineCallsInFlight calls;
    private final List<OutboxDispatcher> outboxes;
    private final MeterRegistry meters;
    private final ObjectProvider<EngineProgress> engine;
    private final EngineBarrier barrier;
    private final MovedTimers movedTimers;

    ActivityController(
            JobsInFlight jobs,
            EngineCallsInFlight calls,
            List<OutboxDispatcher> outboxes,
            MeterRegistry meters,
            ObjectProvider<EngineProgress> engine,
            EngineBarrier barrier,
            MovedTimers movedTimers) {
        this.jobs = jobs;
        this.calls = calls;
        this.outboxes = outboxes;
        this.meters = meters;
        this.engine = engine;
        this.barrier = barrier;
        this.movedTimers = movedTimers;
    }

    /**
     * @param engine false: leave out the engine (its steps -1, not caught up), which costs a probe
     *     answered by the engine and a call to the broker
     */
    @GetMapping
    Activity activity(@RequestParam(defaultValue = "true") boolean engine) {
        // Read before the engine's count, so that a job on its way between the two reads shows as in transit.
        ClientJobs client = clientJobs();
        Map<String, Long> inClient = client.inHandByType();
        long jobsStarted = jobs.startedSoFar();
        int jobsRunning = jobs.running();
        // Read before the probe, which is itself a request to the engine.
        long callsInFlight = calls.count();
        long outboxPending =
                outboxes.stream().mapToLong(OutboxDispatcher::pending).sum();
        Boolean movedTimersFired = movedTimers.fired();
        // The probe before the steps: the steps read after its answer include every command written before it.
        boolean caughtUp = engine && barrier.caughtUp();
        EngineProgress progress = engine ? this.engine.getIfAvailable() : null;
        EngineProgress.Counts counts = progress == null ? EngineProgress.Counts.UNKNOWN : progress.read();
        return new Activity(
                jobsStarted,
                jobsRunning,
                Math.max(
                        0, inClient.values().stream().mapToLong(Long::longValue).sum()),
                inClient,
                callsInFlight,
                outboxPending,
                movedTimersFired,
                caughtUp,
                counts.steps(),
                counts.jobsHandedOut() < 0 ? null : counts.jobsHandedOut() - client.received(),
                counts.jobPushesFailed() < 0 ? null : counts.jobPushesFailed());
    }

    /**
     * @param received jobs the client received so far
     * @param inHandByType job types with jobs the client activated and has not finished: which step a
     *     wait that does not end waits on
     */
    private record ClientJobs(long received, Map<String, Long> inHandByType) {}

    /** One read of the client's job counters. */
    private ClientJobs clientJobs() {
        long received = 0;
        Map<String, Long> byType = new TreeMap<>();
        for (Counter counter : meters.find(CLIENT_JOBS).counters()) {
            String action = counter.getId().getTag("action");
            long count = (long) counter.count();
            if (ACTIVATED.equals(action)) {
                received += count;
            }
            long sign = ACTIVATED.equals(action) ? 1 : HANDLED.equals(action) ? -1 : 0;
            byType.merge(String.valueOf(counter.getId().getTag("type")), sign * count, Long::sum);
        }
        byType.values().removeIf(count -> count == 0);
        return new ClientJobs(received, byType);
    }

    /**
     * @param jobsStarted job handlers started since the app started
     * @param jobsRunning job handlers running now
     * @param jobsInClient jobs the client has activated and not yet finished (queued or running)
     * @param jobsInClientByType the same by job type, those with any
     * @param engineCallsInFlight requests sent to the engine (a job's completion, a message) not yet answered
     * @param outboxPending mails and engine messages written and not yet delivered
     * @param movedTimersFired whether the timers the last move of the clock made due have fired (true
     *     before any move); null when the engine could not take that move's probe, so nobody can say
     * @param engineCaughtUp whether the engine had processed every command written to it before this look
     * @param engineSteps how many steps the engine has taken (elements entered and left, jobs); -1 where it cannot say
     * @param jobsInTransit jobs the engine handed out that the client has not received; other than 0
     *     also when the counts cannot be compared (a broker restarted since the app started counts from
     *     0 again; a job the gateway gave back is counted twice); null where the engine cannot say,
     *     which includes every look after a push failed (its job waits for a worker's next poll)
     * @param jobPushesFailed jobs the engine could not push to a worker's stream since the broker
     *     started (the stream was blocked, its client busy): each waited for a worker's next poll,
     *     which an idle worker makes seconds apart; null where the engine cannot say
     */
    record Activity(
            long jobsStarted,
            int jobsRunning,
            long jobsInClient,
            Map<String, Long> jobsInClientByType,
            long engineCallsInFlight,
            long outboxPending,
            Boolean movedTimersFired,
            boolean engineCaughtUp,
            long engineSteps,
            Long jobsInTransit,
            Long jobPushesFailed) {}
}
