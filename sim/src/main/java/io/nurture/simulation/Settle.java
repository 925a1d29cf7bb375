package io.nurture.simulation;

import java.time.Duration;

/**
 * Waits until the app has gone quiet: no job handler running, both outboxes empty, and no job
 * started for {@code quiet}. Timers the clock move made due fire within milliseconds on an idle
 * broker; the quiet period covers that gap and the jobs' trip from the broker to the workers.
 */
final class Settle {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration GIVE_UP = Duration.ofMinutes(5);

    private final NurtureApi api;
    private final Duration quiet;

    Settle(NurtureApi api, Duration quiet) {
        this.api = api;
        this.quiet = quiet;
    }

    void await() throws InterruptedException {
        long giveUp = System.nanoTime() + GIVE_UP.toNanos();
        NurtureApi.Activity last = api.activity();
        long quietSince = System.nanoTime();
        while (true) {
            Thread.sleep(POLL);
            NurtureApi.Activity now = api.activity();
            if (!now.idle() || now.jobsStarted() != last.jobsStarted()) {
                quietSince = System.nanoTime();
                last = now;
            } else if (System.nanoTime() - quietSince >= quiet.toNanos()) {
                return;
            }
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("The app did not settle within " + GIVE_UP + " (last activity " + now
                        + "); see its log");
            }
        }
    }
}
