package io.nurture.dev;

import io.swagger.v3.oas.annotations.media.Schema;
import io.nurture.api.InvalidRequestException;
import io.nurture.runtime.ClockControl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

    ClockController(ClockControl clock) {
        this.clock = clock;
    }

    @GetMapping
    Now now() {
        return new Now(clock.now());
    }

    @PostMapping
    Now advance(@Valid @RequestBody Advance request) {
        if (request.advance().isNegative() || request.advance().isZero()) {
            throw new InvalidRequestException("advance", "must be a positive ISO-8601 duration such as P3D");
        }
        return new Now(clock.advance(request.advance()));
    }

    record Advance(@Schema(type = "string", example = "P3D", description = "ISO-8601 duration") @NotNull Duration advance) {
    }

    record Now(Instant now) {
    }
}
