package io.nurture.simulation;

import java.time.Duration;

/**
 * Waits until the app and its engine have gone quiet: between two looks, no job handler running,
 * none waiting in the client, no request to the engine unanswered (a handler returns before the
 * engine has its job's completion), both outboxes empty, no job started and no step taken by the engine.
 * A time window alone is not enough: on a busy machine the trip of a message or a job between app
 * and broker can take longer than any short window, and the engine takes a step at each end of that
 * trip. And after a move the broker triggered the timers that fell due only when it next woke,
 * often after a window with nothing else to do had ended: so each look at the engine's steps waits
 * first until it has answered a probe, which wakes it and is answered once every command written
 * before it was processed. Its log position is no such sign: the polls of idle job workers move it
 * several times a second, and most windows saw it move when nothing happened. Nor does the probe's
 * answer say the timers have all fired: the broker fires them from a task of its own, in more than
 * one go when there are many or its thread is held up, and a look in between can find nothing to do
 * while a timer still waits (read in the engine, not caught in a run; a reminder sent a day late under
 * load came again with this in place, cause not found: docs/simulation.md). So
 * the app also says whether the last move's timers have fired (before moving, it starts a timer as
 * long as the move and hears when that fires), and is not idle until they have. The looks are
 * {@code quiet} apart, a window for a job the engine has handed out and the app's client has not yet
 * received, unless the app counts those (jobs handed out by the broker's counters, jobs received by
 * the client's) and none is on its way: then one look follows the other at once. A job that waits
 * for a worker's poll (after a failed push) is covered by neither; the app then cannot count, and
 * the window is kept. Nor would a window of a tenth of a second cover it: the job waits for a worker
 * whose last poll found nothing and which, its stream open, polls again only seconds later. So when
 * the broker reports pushes that failed since the last look (the worker's stream was blocked, its
 * client too busy to read), the settle waits once for the workers' longest gap between polls and
 * looks again.
 */
final class Settle {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration BUSY_POLL = Duration.ofMillis(50);
    private static final Duration GIVE_UP = Duration.ofMinutes(5);
    /**
     * The longest a worker with its stream open and nothing to do waits between two polls (the
     * Camunda client's default backoff of 5 s, plus its tenth of jitter), and the poll's own trip
     * on the busy machine that made the pushes fail.
     */
    static final Duration WORKERS_POLL_GAP = Duration.ofSeconds(8);

    private final NurtureApi api;
    private final Duration quiet;
    private final Duration pollGap;
    private long pushesFailedSeen;
    private int pollGapsWaited;

    Settle(NurtureApi api, Duration quiet) {
        this(api, quiet, WORKERS_POLL_GAP);
    }

    Settle(NurtureApi api, Duration quiet, Duration pollGap) {
        this.api = api;
        this.quiet = quiet;
        this.pollGap = pollGap;
    }

    /**
     * First until the app is idle and started no job since the last look (cheap looks, often),
     * then whether everything, the engine's steps included, stood still between two looks;
     * if not, again.
     */
    void await() throws InterruptedException {
        long giveUp = System.nanoTime() + GIVE_UP.toNanos();
        NurtureApi.Activity last = api.activity(false);
        while (true) {
            Thread.sleep(last.idle() ? POLL.toMillis() : BUSY_POLL.toMillis());
            NurtureApi.Activity now = api.activity(false);
            if (now.idle() && now.jobsStarted() == last.jobsStarted() && stoodStill()) {
                return;
            }
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("The app did not settle within " + GIVE_UP + " (last activity "
                        + api.get("/api/dev/activity?engine=true") + ")");
            }
            last = now;
        }
    }

    /**
     * Two looks at everything, the engine's steps included. Between them a window of {@code quiet}
     * covers a job on its way from the engine to the app's client, unless the app counted none.
     */
    private boolean stoodStill() throws InterruptedException {
        NurtureApi.Activity before = api.activity(true);
        boolean counted = before.nothingInTransit();
        if (!counted) {
            Thread.sleep(quiet.toMillis());
        }
        NurtureApi.Activity after = api.activity(true);
        if (pushesFailedSince(after)) {
            Thread.sleep(pollGap.toMillis());
            return false;
        }
        return before.idle()
                && after.idle()
                && before.engineCaughtUp()
                && after.engineCaughtUp()
                // -1: the broker's counters could not be read, which says nothing about standing still.
                && after.engineSteps() >= 0
                && after.sameProgressAs(before)
                && (!counted || after.nothingInTransit());
    }

    /**
     * Whether the broker reports pushes that failed since the last look. A restarted broker counts
     * from 0 again; one that failed exactly as many pushes as the old one had is missed.
     */
    private boolean pushesFailedSince(NurtureApi.Activity look) {
        Long failed = look.jobPushesFailed();
        if (failed == null || failed == pushesFailedSeen) {
            return false;
        }
        pushesFailedSeen = failed;
        if (failed == 0) {
            return false;
        }
        pollGapsWaited++;
        return true;
    }

    /** What the waits for the workers' polls after failed pushes came to, for the run's progress. */
    String pollWaits() {
        return pollGapsWaited == 0
                ? null
                : pollGapsWaited + " waits of " + pollGap.toSeconds()
                        + " s for the workers' next polls: the broker could not push jobs to them";
    }

    int pollGapsWaited() {
        return pollGapsWaited;
    }
}
