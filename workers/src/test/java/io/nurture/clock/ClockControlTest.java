package io.nurture.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A simulation's moves: the app's clock stands at each instant, the engine's runs on in real time
 * between them, as a broker's does.
 */
class ClockControlTest {

    private static final Instant REAL_START = Instant.parse("2026-12-06T16:00:00Z");
    private static final Instant FIRST_NOON = Instant.parse("2035-01-01T12:00:00Z");
    private static final Consumer<Duration> NO_ONE = by -> {};

    private final MovableClock real = new MovableClock(REAL_START);
    private final EngineClock engine = new EngineClock();
    private final ClockControl clocks = ClockControl.moving(engine::add, new ShiftableClock(real));

    @Test
    void aTimerOfWholeDaysSetDuringADayFallsDueAtTheMoveToItsDay() {
        clocks.holdAt(FIRST_NOON, NO_ONE);
        real.move(Duration.ofSeconds(3));
        Instant dueInSevenDays = engine.now().plus(Duration.ofDays(7));

        for (int day = 1; day <= 7; day++) {
            real.move(Duration.ofSeconds(2));
            clocks.holdAt(FIRST_NOON.plus(Duration.ofDays(day)), NO_ONE);
        }

        assertThat(engine.now()).isAfterOrEqualTo(dueInSevenDays);
        // Ahead of the app's by the real time since the first move, no more.
        assertThat(engine.now()).isEqualTo(FIRST_NOON.plus(Duration.ofDays(7)).plusSeconds(17));
        assertThat(clocks.now()).isEqualTo(FIRST_NOON.plus(Duration.ofDays(7)));
    }

    @Test
    void aMoveToAnInstantThatIsNotAheadMovesNeitherClock() {
        clocks.holdAt(FIRST_NOON, NO_ONE);
        Instant engineBefore = engine.now();

        assertThatThrownBy(() -> clocks.holdAt(FIRST_NOON, NO_ONE)).isInstanceOf(IllegalArgumentException.class);

        assertThat(engine.now()).isEqualTo(engineBefore);
        assertThat(clocks.now()).isEqualTo(FIRST_NOON);
    }

    @Test
    void theFirstMoveTellsBeforehandTheLengthTheEngineIsMovedBy() {
        List<Duration> told = new ArrayList<>();

        clocks.holdAt(FIRST_NOON, by -> {
            real.move(Duration.ofMillis(40));
            told.add(by);
        });

        assertThat(told).containsExactly(engine.offset);
        assertThat(engine.offset).isEqualTo(Duration.between(REAL_START, FIRST_NOON));
    }

    private final class EngineClock {

        private Duration offset = Duration.ZERO;

        void add(Duration by) {
            offset = offset.plus(by);
        }

        Instant now() {
            return real.instant().plus(offset);
        }
    }
}
