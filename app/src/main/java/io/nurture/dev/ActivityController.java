package io.nurture.dev;

import io.nurture.outbox.OutboxDispatcher;
import io.nurture.runtime.JobsInFlight;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the app is busy with, for whoever moves the clock (the lifecycle simulation): after a move
 * it waits until no job has started for a while, none runs and the outboxes are empty, so that the
 * next simulated day starts from a settled state.
 */
@RestController
@RequestMapping("/api/dev/activity")
@ConditionalOnExpression("${nurture.dev.clock-control:false} and '${nurture.engine.mode:local}' != 'cluster'")
class ActivityController {

    private final JobsInFlight jobs;
    private final List<OutboxDispatcher> outboxes;

    ActivityController(JobsInFlight jobs, List<OutboxDispatcher> outboxes) {
        this.jobs = jobs;
        this.outboxes = outboxes;
    }

    @GetMapping
    Activity activity() {
        return new Activity(jobs.startedSoFar(), jobs.running(), outboxes.stream().mapToLong(OutboxDispatcher::pending).sum());
    }

    /**
     * @param jobsStarted job handlers started since the app started
     * @param jobsRunning job handlers running now
     * @param outboxPending mails and engine messages written and not yet delivered
     */
    record Activity(long jobsStarted, int jobsRunning, long outboxPending) {
    }
}
