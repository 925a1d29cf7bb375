package io.nurture.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The clock a simulation holds still between its moves, and that otherwise runs on with real time. */
class ShiftableClockTest {

    private static final Instant REAL_NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aShiftedClockRunsOnWithRealTime() {
        MovableBase real = new MovableBase();
        ShiftableClock clock = new ShiftableClock(real);

        clock.shift(Duration.ofDays(3));
        real.now = REAL_NOW.plusSeconds(5);

        assertThat(clock.instant()).isEqualTo(REAL_NOW.plus(Duration.ofDays(3)).plusSeconds(5));
    }

    @Test
    void aHeldClockStandsStillWhileRealTimePasses() {
        MovableBase real = new MovableBase();
        ShiftableClock clock = new ShiftableClock(real);
        Instant noon = Instant.parse("2035-01-01T12:00:00Z");

        clock.hold(noon);
        real.now = REAL_NOW.plusSeconds(90);

        assertThat(clock.instant()).isEqualTo(noon);
    }

    @Test
    void shiftingAHeldClockMovesTheHeldInstant() {
        ShiftableClock clock = new ShiftableClock(new MovableBase());
        clock.hold(Instant.parse("2035-01-01T12:00:00Z"));

        Instant now = clock.shift(Duration.ofDays(1));

        assertThat(now).isEqualTo(Instant.parse("2035-01-02T12:00:00Z"));
        assertThat(clock.instant()).isEqualTo(now);
    }

    private static final class MovableBase extends Clock {

        Instant now = REAL_NOW;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
