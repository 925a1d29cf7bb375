package io.nurture.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The app's clock: real time plus an offset that only clock control moves, in step with the
 * engine's timers, or, once clock control holds it, a fixed instant. Every timestamp Nurture
 * writes comes from here.
 */
public class ShiftableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> held = new AtomicReference<>();

    public ShiftableClock(Clock base) {
        this.base = base;
    }

    public Instant shift(Duration by) {
        if (held.get() != null) {
            held.updateAndGet(at -> at.plus(by));
        } else {
            offset.accumulateAndGet(by, Duration::plus);
        }
        return instant();
    }

    /** Stops the clock at this instant; later shifts move the held instant. */
    public Instant hold(Instant at) {
        held.set(at);
        return at;
    }

    @Override
    public Instant instant() {
        Instant at = held.get();
        return at != null ? at : base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Nurture keeps time in UTC");
    }
}
