package io.nurture.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The tries of a job the database rolled back to break a deadlock, or that waited for a lock in
 * vain. Such a try is no fault of the step's and spends no retry, up to {@link #FREE_TRIES} per
 * job and app instance (the count is kept in memory: with several instances, or after a restart, a
 * job gets that many again from each): past them the lock is not a busy moment but something
 * holding it (a transaction left open, a step that deadlocks with itself), and the job spends its
 * retries as any failure does, so ops get an incident instead of a job that loops unseen. Each one
 * is counted ({@code nurture_jobs_lock_conflicts_total{type}}, at 0 for every job type from the
 * start, so a dashboard shows none rather than no data).
 */
@Component
class LockConflicts {

    private static final String METER = "nurture.jobs.lock.conflicts";

    /** Far above what a burst costs (three in a row once made an incident of one in CI). */
    static final int FREE_TRIES = 10;

    /** Jobs whose conflicts are remembered; the oldest are forgotten first (a job that succeeds is never told of). */
    private static final int REMEMBERED_JOBS = 10_000;

    private final MeterRegistry meters;
    private final Map<Long, Integer> triesByJob = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Integer> eldest) {
            return size() > REMEMBERED_JOBS;
        }
    };

    LockConflicts(MeterRegistry meters) {
        this.meters = meters;
    }

    /** A worker for this job type opened. */
    void watch(String jobType) {
        meters.counter(METER, "type", jobType);
    }

    /** Counts the conflict; answers whether this try of the job may go without spending a retry. */
    synchronized boolean isFree(long jobKey, String jobType) {
        meters.counter(METER, "type", jobType).increment();
        return triesByJob.merge(jobKey, 1, Integer::sum) <= FREE_TRIES;
    }
}
