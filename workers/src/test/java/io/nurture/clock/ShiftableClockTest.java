package io.nurture.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The clock a simulation holds still between its moves, and that otherwise runs on with real time. */
class ShiftableClockTest {

    private static final Instant REAL_NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aShiftedClockRunsOnWithRealTime() {
        MovableClock real = new MovableClock(REAL_NOW);
        ShiftableClock clock = new ShiftableClock(real);

        clock.shift(Duration.ofDays(3));
        real.move(Duration.ofSeconds(5));

        assertThat(clock.instant()).isEqualTo(REAL_NOW.plus(Duration.ofDays(3)).plusSeconds(5));
    }

    @Test
    void aHeldClockStandsStillWhileRealTimePasses() {
        MovableClock real = new MovableClock(REAL_NOW);
        ShiftableClock clock = new ShiftableClock(real);
        Instant noon = Instant.parse("2035-01-01T12:00:00Z");

        clock.hold(noon);
        real.move(Duration.ofSeconds(90));

        assertThat(clock.instant()).isEqualTo(noon);
    }

    @Test
    void shiftingAHeldClockMovesTheHeldInstant() {
        ShiftableClock clock = new ShiftableClock(new MovableClock(REAL_NOW));
        clock.hold(Instant.parse("2035-01-01T12:00:00Z"));

        Instant now = clock.shift(Duration.ofDays(1));

        assertThat(now).isEqualTo(Instant.parse("2035-01-02T12:00:00Z"));
        assertThat(clock.instant()).isEqualTo(now);
    }
}
