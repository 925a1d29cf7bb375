package io.nurture.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/** Moves the engine's timers and the app's clock forward together (development, tests, simulation). */
public interface ClockControl {

    /** Moves both clocks forward; held clocks stay held at the later instant. */
    Instant advance(Duration by);

    /**
     * Moves both clocks to the instant. The app's stands there until the next move, so that every
     * timestamp Nurture writes meanwhile is that instant (what a simulation needs to give the same
     * answer on every run); the engine's runs on from it, since the engine's clock also drives its
     * own retries and timeouts, which must not stop.
     */
    Instant holdAt(Instant at);

    Instant now();

    /** Moves the engine's clock first, so the app never runs ahead of the timers it waits for. */
    static ClockControl moving(Consumer<Duration> engineAdd, Consumer<Instant> engineMoveTo, ShiftableClock clock) {
        return new ClockControl() {
            @Override
            public synchronized Instant advance(Duration by) {
                engineAdd.accept(by);
                return clock.shift(by);
            }

            @Override
            public synchronized Instant holdAt(Instant at) {
                engineMoveTo.accept(at);
                return clock.hold(at);
            }

            @Override
            public Instant now() {
                return clock.instant();
            }
        };
    }
}
