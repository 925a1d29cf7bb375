package io.nurture.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The settle against an app that is idle at every look, over real HTTP: only what the broker says
 * of its pushes decides whether a job may still be on its way to a worker's next poll.
 */
class SettleTest {

    private static final Duration QUIET = Duration.ofMillis(10);
    private static final Duration POLL_GAP = Duration.ofMillis(600);
    /** When the job a failed push gave back reaches the worker's poll, counted from the first look that reported the push. */
    private static final long POLLED_AFTER_MS = 300;

    private final AtomicLong firstLook = new AtomicLong();
    private volatile long lastJobsStartedServed = -1;
    private HttpServer app;

    @AfterEach
    void stop() {
        app.stop(0);
    }

    @Test
    void afterAFailedPushTheSettleWaitsForTheWorkersPollAndSeesTheJobItStarted() throws Exception {
        Settle settle = new Settle(appWhosePushFailed(1), QUIET, POLL_GAP);
        long started = System.nanoTime();

        settle.await();

        assertThat(lastJobsStartedServed)
                .as("jobs started at the settle's last look")
                .isEqualTo(1);
        assertThat(settle.pollGapsWaited()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(POLL_GAP);
    }

    @Test
    void withoutFailedPushesTheSettleDoesNotWaitForPolls() throws Exception {
        Settle settle = new Settle(appWhosePushFailed(0), QUIET, POLL_GAP);

        settle.await();

        assertThat(settle.pollGapsWaited()).isZero();
    }

    @Test
    void aFailedPushAlreadyWaitedForIsNotWaitedForAgain() throws Exception {
        Settle settle = new Settle(appWhosePushFailed(1), QUIET, POLL_GAP);
        settle.await();

        settle.await();

        assertThat(settle.pollGapsWaited()).isEqualTo(1);
    }

    /**
     * An app with nothing running at any look, whose broker reports the pushes failed; a job that a
     * failed push gave back starts (and ends at once) when the worker polls, {@link #POLLED_AFTER_MS}
     * after the first look at the engine.
     */
    private NurtureApi appWhosePushFailed(long pushesFailed) throws IOException {
        app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        app.createContext("/api/dev/activity", exchange -> {
            long now = System.currentTimeMillis();
            boolean engine = exchange.getRequestURI().getQuery().contains("engine=true");
            if (engine) {
                firstLook.compareAndSet(0, now);
            }
            long jobsStarted =
                    pushesFailed > 0 && firstLook.get() > 0 && now - firstLook.get() >= POLLED_AFTER_MS ? 1 : 0;
            lastJobsStartedServed = jobsStarted;
            byte[] body = ("{\"jobsStarted\":" + jobsStarted + ",\"jobsRunning\":0,\"jobsInClient\":0,"
                            + "\"engineCallsInFlight\":0,\"outboxPending\":0,\"movedTimersFired\":true,"
                            + "\"engineCaughtUp\":" + engine + ",\"engineSteps\":" + (engine ? 100 + jobsStarted : -1)
                            + ",\"jobsInTransit\":null,\"jobPushesFailed\":" + (engine ? pushesFailed : "null") + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        app.start();
        return new NurtureApi("http://127.0.0.1:" + app.getAddress().getPort());
    }
}
