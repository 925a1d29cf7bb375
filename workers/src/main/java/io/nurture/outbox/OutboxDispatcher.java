package io.nurture.outbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One thread that drains an outbox: it delivers batches while there are due rows, then sleeps
 * until a commit that wrote a row wakes it, or the poll interval passed (retries, other instances'
 * crashed leases). Started once the application is ready, so the engine's models are deployed
 * before the first message goes out. A second thread keeps the lease of the batch in hand alive,
 * however long the mail server or the engine takes with it.
 */
public abstract class OutboxDispatcher implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    protected final OutboxTable outbox;
    private final String name;
    private final Duration pollInterval;
    private final Duration batchWait;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean retryWaiting;
    private volatile boolean running;
    private boolean failing;
    private Thread thread;
    private ScheduledExecutorService leaseKeeper;

    protected OutboxDispatcher(OutboxTable outbox, Duration pollInterval) {
        this(outbox, pollInterval, Duration.ZERO);
    }

    /** @param batchWait after a batch that took every due row, the pause before the next claim (zero: none) */
    protected OutboxDispatcher(OutboxTable outbox, Duration pollInterval, Duration batchWait) {
        this.outbox = outbox;
        this.name = outbox.name();
        this.pollInterval = pollInterval;
        this.batchWait = batchWait;
    }

    /** Delivers one batch of due rows; answers how many it claimed. */
    protected abstract int deliverBatch();

    /** Wakes the dispatcher once the current transaction committed (at once without one). */
    public void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake.release();
                }
            });
        } else {
            wake.release();
        }
    }

    /**
     * The party the rows failed on is back (the local broker restarted): rows waiting out a backoff
     * are due at once instead of minutes later. Done by the dispatcher's own thread between two
     * batches, when none of its rows is in flight; with several Nurture instances on one outbox another
     * instance's rows in flight could be sent twice, so only local mode (one instance) calls it.
     */
    public void retryWaitingRowsNow() {
        retryWaiting = true;
        wake.release();
    }

    /** Rows written and not yet delivered. */
    public long pending() {
        return outbox.pending();
    }

    /**
     * Stops after the job handlers and the web server, whose last steps and requests write rows here:
     * the batch in hand is delivered, the rest waits in the table for the next start.
     */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isAutoStartup() {
        return false;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        leaseKeeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(name + "-outbox-lease").daemon().factory());
        long every = outbox.keepAliveInterval().toMillis();
        leaseKeeper.scheduleWithFixedDelay(this::keepLeaseAlive, every, every, TimeUnit.MILLISECONDS);
        thread = Thread.ofPlatform().name(name + "-outbox").daemon().start(this::run);
    }

    private void keepLeaseAlive() {
        try {
            outbox.keepClaimsAlive();
        } catch (RuntimeException databaseAway) {
            LOG.debug("Could not keep the {} outbox's lease alive", name, databaseAway);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        wake.release();
        try {
            thread.join(STOP_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        leaseKeeper.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Claims again at once after a batch that took anything, even one short of full: the engine
     * outbox holds a message back while an older one for the same key is pending, so a short batch
     * does not mean nothing else is due (a customer's two messages of one commit went a poll
     * interval apart when it slept after short batches). An outbox without key order whose batch
     * took every due row may first wait {@code batchWait} for more: under steady traffic to a fast
     * mail server a batch otherwise holds a mail or two, and each costs a claim and its marks.
     */
    private void run() {
        while (running) {
            int claimed = deliverSafely();
            if (claimed == 0) {
                sleep();
            } else if (!batchWait.isZero() && outbox.tookEveryDueRow(claimed)) {
                pause(batchWait);
            }
        }
    }

    /**
     * A database outage is logged once when it starts and once when it ends, not on every poll; a
     * request to retry waiting rows made during one is kept until the database answers.
     */
    private int deliverSafely() {
        try {
            outbox.markUnmarked();
            if (retryWaiting) {
                outbox.makeWaitingRowsDue();
                retryWaiting = false;
            }
            int delivered;
            try {
                delivered = deliverBatch();
            } finally {
                outbox.releaseClaims();
            }
            if (failing) {
                LOG.info("The {} outbox is readable again", name);
                failing = false;
            }
            return delivered;
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("The {} outbox could not be read; trying again every {}", name, pollInterval, e);
                failing = true;
            }
            return 0;
        }
    }

    private void pause(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void sleep() {
        try {
            if (wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
