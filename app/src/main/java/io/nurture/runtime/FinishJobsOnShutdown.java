package io.nurture.runtime;

import io.camunda.client.jobhandling.JobWorkerManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On shutdown (SIGTERM, Ctrl-C, a deploy) Nurture stops taking jobs, lets the handlers already
 * running finish and complete their jobs, and hands every other job it holds back to the engine at
 * once: those the client had fetched but not started, and those still running after the grace
 * period. None waits out its job timeout. Runs first, while the web server, the database and the
 * engine are all still there.
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
        jobs.stopStarting();
        workers.closeAllOpenWorkers();
        int inFlight = jobs.running();
        try {
            if (jobs.awaitNone(properties.shutdownGrace())) {
                LOG.info("Stopped taking jobs; {} running job(s) finished", inFlight);
            } else {
                LOG.warn(
                        "{} job(s) still running after {}: handed back to the engine",
                        jobs.handBackRunning(),
                        properties.shutdownGrace());
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
