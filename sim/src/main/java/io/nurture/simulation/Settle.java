package io.nurture.simulation;

import java.time.Duration;

/**
 * Waits until the app and its engine have gone quiet: for {@code quiet}, no job handler running,
 * none waiting in the client, both outboxes empty, no job started and the broker's processed
 * position standing still. A time window alone is not enough: on a busy machine the trip of a
 * message or a job between app and broker can take longer than any short window, and the broker's
 * position moves for every step of that trip.
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
            if (!now.idle() || !now.sameProgressAs(last)) {
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
