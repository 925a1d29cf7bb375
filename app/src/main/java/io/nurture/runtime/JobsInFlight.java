package io.nurture.runtime;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every job handler runs through here: shutdown waits for the running ones and hands the others
 * back to the engine, and a simulation tells from the count started when the app has gone quiet.
 *
 * <p>Handing back fails the job with its retries unchanged and no backoff: the engine offers it
 * again at once (to another instance, or to this one after its restart) instead of after the job
 * timeout, and the try does not count against the job's retries.
 */
@Component
public class JobsInFlight {

    private static final Logger LOG = LoggerFactory.getLogger(JobsInFlight.class);
    private static final Duration COMMAND_WAIT = Duration.ofSeconds(5);

    private final Set<Running> running = ConcurrentHashMap.newKeySet();
    private final AtomicLong started = new AtomicLong();
    private volatile boolean stopping;

    /** Identity, not the job key: a job that timed out may come back to this instance while its first try runs. */
    private static final class Running {
        private final JobClient client;
        private final ActivatedJob job;

        private Running(JobClient client, ActivatedJob job) {
            this.client = client;
            this.job = job;
        }
    }

    /** The handler, tracked; once stopping, a job whose handler has not started yet is handed back instead. */
    public JobHandler tracking(JobHandler handler) {
        return (client, job) -> {
            Running entry = new Running(client, job);
            // Registered before the check: shutdown cannot find no handler running while this one starts.
            running.add(entry);
            try {
                if (stopping) {
                    handBack(client, job, "Nurture stopped before this job's handler ran");
                    return;
                }
                started.incrementAndGet();
                handler.handle(client, job);
            } finally {
                running.remove(entry);
            }
        };
    }

    public int running() {
        return running.size();
    }

    public long startedSoFar() {
        return started.get();
    }

    /** From now on no handler starts. */
    void stopStarting() {
        stopping = true;
    }

    /** Answers whether all running handlers ended within the grace period. */
    boolean awaitNone(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return running.isEmpty();
    }

    /** Hands the jobs whose handlers are still running back to the engine; answers how many. */
    int handBackRunning() {
        List<Running> left = List.copyOf(running);
        left.forEach(entry -> handBack(entry.client, entry.job, "Nurture stopped while this job's handler ran"));
        return left.size();
    }

    private static void handBack(JobClient client, ActivatedJob job, String reason) {
        try {
            client.newFailCommand(job.getKey())
                    .retries(job.getRetries())
                    .retryBackoff(Duration.ZERO)
                    .errorMessage(reason + "; handed back to the engine")
                    .send()
                    .get(COMMAND_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Job {} ({}) handed back to the engine: {}", job.getKey(), job.getType(), reason);
        } catch (Exception e) {
            LOG.warn(
                    "Job {} ({}) could not be handed back; the engine offers it again after its timeout",
                    job.getKey(),
                    job.getType(),
                    e);
        }
    }
}
