package io.nurture.runtime;

import java.time.Duration;
import java.time.Instant;

/** Moves the engine's timers and the app's clock forward together (development and tests). */
public interface ClockControl {

    Instant advance(Duration by);

    Instant now();
}
