package io.nurture.dev;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nurture.clock.EngineProgress;
import io.nurture.outbox.OutboxDispatcher;
import io.nurture.runtime.JobsInFlight;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the app and its engine are busy with, for whoever moves the clock (the lifecycle
 * simulation): after a move it waits until, for a while, no job has started, none is running or
 * waiting in the client, the outboxes are empty and the engine's processed position stands still,
 * so that the next simulated day starts from a settled state.
 */
@RestController
@RequestMapping("/api/dev/activity")
@ConditionalOnExpression("${nurture.dev.clock-control:false} and '${nurture.engine.mode:local}' != 'cluster'")
class ActivityController {

    /** The Camunda client's job counter (io.camunda.client.metrics.MetricsRecorder) and its actions. */
    private static final String CLIENT_JOBS = "camunda.job.invocations";

    private static final List<String> JOB_ENDS = List.of("completed", "failed", "bpmn-error");

    private final JobsInFlight jobs;
    private final List<OutboxDispatcher> outboxes;
    private final MeterRegistry meters;
    private final ObjectProvider<EngineProgress> engine;

    ActivityController(
            JobsInFlight jobs,
            List<OutboxDispatcher> outboxes,
            MeterRegistry meters,
            ObjectProvider<EngineProgress> engine) {
        this.jobs = jobs;
        this.outboxes = outboxes;
        this.meters = meters;
        this.engine = engine;
    }

    /** @param engine false: leave out the engine's position (-1), which costs a call to the broker */
    @GetMapping
    Activity activity(@RequestParam(defaultValue = "true") boolean engine) {
        long activated = clientJobs(List.of("activated"));
        long ended = clientJobs(JOB_ENDS);
        EngineProgress progress = engine ? this.engine.getIfAvailable() : null;
        return new Activity(
                jobs.startedSoFar(),
                jobs.running(),
                Math.max(0, activated - ended),
                outboxes.stream().mapToLong(OutboxDispatcher::pending).sum(),
                progress == null ? -1 : progress.processedPosition());
    }

    private long clientJobs(List<String> actions) {
        return actions.stream()
                .mapToLong(action -> (long) meters.find(CLIENT_JOBS).tag("action", action).counters().stream()
                        .mapToDouble(Counter::count)
                        .sum())
                .sum();
    }

    /**
     * @param jobsStarted job handlers started since the app started
     * @param jobsRunning job handlers running now
     * @param jobsInClient jobs the client has activated and not yet finished (queued or running)
     * @param outboxPending mails and engine messages written and not yet delivered
     * @param engineProcessedPosition how far the engine has processed its log; -1 where it cannot say
     */
    record Activity(
            long jobsStarted, int jobsRunning, long jobsInClient, long outboxPending, long engineProcessedPosition) {}
}
