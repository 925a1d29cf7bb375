package io.nurture.runtime;

import io.camunda.client.jobhandling.JobWorkerManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On shutdown (SIGTERM, a deploy) Nurture stops taking jobs and lets the handlers already running
 * finish and complete their jobs, instead of leaving them to come back after the job timeout.
 * Runs before the web server and the Camunda client stop.
 */
@Component
class FinishJobsOnShutdown implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(FinishJobsOnShutdown.class);

    private final JobWorkerManager workers;
    private final JobsInFlight jobs;
    private final JobProperties properties;
    private volatile boolean running;

    FinishJobsOnShutdown(JobWorkerManager workers, JobsInFlight jobs, JobProperties properties) {
        this.workers = workers;
        this.jobs = jobs;
        this.properties = properties;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        workers.closeAllOpenWorkers();
        int inFlight = jobs.running();
        try {
            if (jobs.awaitNone(properties.shutdownGrace())) {
                LOG.info("Stopped taking jobs; {} running job(s) finished", inFlight);
            } else {
                LOG.warn("{} job(s) still running after {}; they return to the engine after their job timeout",
                        jobs.running(), properties.shutdownGrace());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return DEFAULT_PHASE;
    }
}
