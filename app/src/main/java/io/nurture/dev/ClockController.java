package io.nurture.dev;

import io.nurture.api.InvalidRequestException;
import io.nurture.clock.ClockControl;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moves time for demos and tests: the engine's timers and the app's clock together. Exists only
 * where clock control is explicitly enabled, since it moves time for every process on the engine,
 * and never in cluster mode: a shop's cluster runs on real time.
 */
@RestController
@RequestMapping("/api/dev/clock")
@ConditionalOnExpression("${nurture.dev.clock-control:false} and '${nurture.engine.mode:local}' != 'cluster'")
class ClockController {

    private final ClockControl clock;
    private final MovedTimers timers;

    ClockController(ClockControl clock, MovedTimers timers) {
        this.clock = clock;
        this.timers = timers;
    }

    @GetMapping
    Now now() {
        return new Now(clock.now());
    }

    @PostMapping
    Now move(@Valid @RequestBody Move request) {
        if ((request.advance() == null) == (request.holdAt() == null)) {
            throw new InvalidRequestException(
                    "advance", "give either advance (a duration such as P3D) or holdAt (an instant)");
        }
        if (request.holdAt() != null) {
            if (!request.holdAt().isAfter(clock.now())) {
                throw new InvalidRequestException("holdAt", "must lie ahead of the clock's now, " + clock.now());
            }
            return new Now(clock.holdAt(request.holdAt(), timers::beforeMove));
        }
        if (request.advance().isNegative() || request.advance().isZero()) {
            throw new InvalidRequestException("advance", "must be a positive ISO-8601 duration such as P3D");
        }
        // The request names the length itself, so the probe's cannot differ from the engine's move.
        timers.beforeMove(request.advance());
        return new Now(clock.advance(request.advance()));
    }

    /** Either moves time on by a duration, or to an instant where the app's clock then stands still until the next move. */
    record Move(
            @Schema(type = "string", example = "P3D", description = "ISO-8601 duration to move both clocks forward by")
            Duration advance,

            @Schema(
                    example = "2035-01-01T12:00:00Z",
                    description = "an instant ahead of now: the app's clock moves there and stands still until"
                            + " the next move; the engine's moves on by as much and runs on (reproducible simulations)")
            Instant holdAt) {}

    record Now(Instant now) {}
}
