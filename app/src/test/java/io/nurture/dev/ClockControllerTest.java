package io.nurture.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nurture.clock.ClockControl;
import io.nurture.clock.ShiftableClock;
import io.nurture.runtime.JobsInFlight;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** Moving the engine's clock moves time for every process on it: never there by accident. */
class ClockControllerTest {

    private final WebApplicationContextRunner context = new WebApplicationContextRunner()
            .withBean(ClockControl.class, FixedClock::new)
            .withBean(JobsInFlight.class)
            .withBean(SimpleMeterRegistry.class)
            .withUserConfiguration(
                    ClockController.class,
                    ActivityController.class,
                    EngineCallsInFlight.class,
                    EngineBarrier.class,
                    MovedTimers.class);

    @Test
    void localModeHasNoClockEndpointUnlessEnabled() {
        context.run(app -> assertThat(app).doesNotHaveBean(ClockController.class));
    }

    @Test
    void clusterModeHasNoClockEndpoint() {
        context.withPropertyValues("nurture.engine.mode=cluster")
                .run(app -> assertThat(app).doesNotHaveBean(ClockController.class));
    }

    @Test
    void clusterModeHasNoClockEndpointEvenWhenEnabled() {
        context.withPropertyValues("nurture.engine.mode=cluster", "nurture.dev.clock-control=true")
                .run(app -> assertThat(app).doesNotHaveBean(ClockController.class));
    }

    @Test
    void localModeHasTheClockEndpointWhenExplicitlyEnabled() {
        context.withPropertyValues("nurture.dev.clock-control=true")
                .run(app -> assertThat(app).hasSingleBean(ClockController.class));
    }

    @Test
    void theActivityEndpointForSimulationsExistsOnlyBesideTheClockEndpoint() {
        context.run(app -> assertThat(app).doesNotHaveBean(ActivityController.class));
        context.withPropertyValues("nurture.engine.mode=cluster", "nurture.dev.clock-control=true")
                .run(app -> assertThat(app).doesNotHaveBean(ActivityController.class));
        context.withPropertyValues("nurture.dev.clock-control=true")
                .run(app -> assertThat(app).hasSingleBean(ActivityController.class));
    }

    @Test
    void aMoveToAnInstantTellsTheTimerProbeTheLengthTheEngineIsMovedBy() {
        Instant now = Instant.parse("2035-01-01T00:00:00Z");
        List<Duration> engineMoves = new ArrayList<>();
        MovedTimers timers = mock(MovedTimers.class);
        ClockController controller = new ClockController(
                ClockControl.moving(engineMoves::add, new ShiftableClock(Clock.fixed(now, ZoneOffset.UTC))), timers);

        controller.move(new ClockController.Move(null, now.plus(Duration.ofHours(12))));

        assertThat(engineMoves).containsExactly(Duration.ofHours(12));
        verify(timers).beforeMove(Duration.ofHours(12));
    }

    private static final class FixedClock implements ClockControl {

        @Override
        public Instant advance(Duration by) {
            return Instant.EPOCH.plus(by);
        }

        @Override
        public Instant holdAt(Instant at, Consumer<Duration> beforeMove) {
            return at;
        }

        @Override
        public Instant now() {
            return Instant.EPOCH;
        }
    }
}
