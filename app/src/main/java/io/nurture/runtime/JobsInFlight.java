package io.nurture.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The job handlers running right now, so that shutdown can wait for them, and how many ever
 * started, so that a simulation can tell when the app has gone quiet.
 */
@Component
public class JobsInFlight {

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong started = new AtomicLong();

    void started() {
        started.incrementAndGet();
        running.incrementAndGet();
    }

    void ended() {
        running.decrementAndGet();
    }

    public int running() {
        return running.get();
    }

    public long startedSoFar() {
        return started.get();
    }

    /** Answers whether all handlers ended within the grace period. */
    boolean awaitNone(Duration grace) throws InterruptedException {
        Instant deadline = Instant.now().plus(grace);
        while (running.get() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        return running.get() == 0;
    }
}
