package io.nurture.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/** Moves the engine's timers and the app's clock forward together (development, tests, simulation). */
public interface ClockControl {

    /** Moves both clocks forward; held clocks stay held at the later instant. */
    Instant advance(Duration by);

    /**
     * Moves both clocks on by the time from the app's instant to this one. The app's then stands at
     * the instant until the next move, so that every timestamp Nurture writes meanwhile is that
     * instant (what a simulation needs to give the same answer on every run). The engine's runs on,
     * since it also drives the engine's own retries and timeouts, which must not stop; so it is
     * ahead of the app's by the real time since the first move, and is moved by the same amount as
     * the app's, not to the instant. A timer a process set to a whole number of days from the engine's
     * time during one simulated day (say P7D, entered seconds after that day's move) then falls due
     * at the move to its day, not the real seconds after it that it was set after its own: moved to
     * the instant, the engine fired such timers in the middle of the later day, after the app had
     * settled, and the day's chains ran on into the next.
     *
     * @param beforeMove told first how far the engine's clock is about to move: worked out once,
     *     inside the move, so that a clock still running before the first move cannot make the two
     *     differ by the time between a caller's own reading and the move
     */
    Instant holdAt(Instant at, Consumer<Duration> beforeMove);

    Instant now();

    /** Moves the engine's clock first, so the app never runs ahead of the timers it waits for. */
    static ClockControl moving(Consumer<Duration> engineAdd, ShiftableClock clock) {
        return new ClockControl() {
            @Override
            public synchronized Instant advance(Duration by) {
                engineAdd.accept(by);
                return clock.shift(by);
            }

            @Override
            public synchronized Instant holdAt(Instant at, Consumer<Duration> beforeMove) {
                Duration by = Duration.between(clock.instant(), at);
                if (!by.isPositive()) {
                    throw new IllegalArgumentException(
                            "A clock is only moved forward: " + at + " is not after " + clock.instant());
                }
                beforeMove.accept(by);
                engineAdd.accept(by);
                return clock.hold(at);
            }

            @Override
            public Instant now() {
                return clock.instant();
            }
        };
    }
}
