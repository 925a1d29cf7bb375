package io.nurture.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/** Moves the engine's timers and the app's clock forward together (development and tests). */
public interface ClockControl {

    Instant advance(Duration by);

    Instant now();

    /** Moves the engine's clock first, so the app never runs ahead of the timers it waits for. */
    static ClockControl moving(Consumer<Duration> engineClock, ShiftableClock clock) {
        return new ClockControl() {
            @Override
            public synchronized Instant advance(Duration by) {
                engineClock.accept(by);
                return clock.shift(by);
            }

            @Override
            public Instant now() {
                return clock.instant();
            }
        };
    }
}
