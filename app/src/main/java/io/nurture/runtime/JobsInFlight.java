package io.nurture.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** The job handlers running right now, so that shutdown can wait for them. */
@Component
class JobsInFlight {

    private final AtomicInteger running = new AtomicInteger();

    void started() {
        running.incrementAndGet();
    }

    void ended() {
        running.decrementAndGet();
    }

    int running() {
        return running.get();
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
