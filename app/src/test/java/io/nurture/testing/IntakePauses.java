package io.nurture.testing;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.stereotype.Component;

/**
 * Fault injection for tests (component-scanned from the test classpath, inert until armed): a busy
 * server pauses a request between its Idempotency-Key lookup and storing the order, as a GC pause
 * or a preempted thread would. That is the window in which a retry's lookup misses an order that
 * commits a moment later; without a pause it is too short to hit on purpose. It can also make the
 * database pick the next placement's transaction as a deadlock's victim, after the order is written.
 */
@Aspect
@Component
public class IntakePauses {

    private final AtomicReference<Pauses> armed = new AtomicReference<>();
    private final AtomicBoolean deadlockArmed = new AtomicBoolean();

    /** Pauses every placement for a random time up to {@code longest}, from a seeded sequence. */
    public void pauseEachPlacementUpTo(Duration longest, long seed) {
        armed.set(new Pauses(new Random(seed), longest));
    }

    /** The next placement's transaction fails as InnoDB fails a deadlock's victim, once. */
    public void loseNextPlacementToADeadlock() {
        deadlockArmed.set(true);
    }

    public void reset() {
        armed.set(null);
        deadlockArmed.set(false);
    }

    @Around("execution(* io.nurture.order.OrderService.place(..))")
    Object deadlockAfterWritingTheOrder(ProceedingJoinPoint placing) throws Throwable {
        Object placed = placing.proceed();
        if (deadlockArmed.compareAndSet(true, false)) {
            throw new CannotAcquireLockException(
                    "Injected: Deadlock found when trying to get lock; try restarting transaction");
        }
        return placed;
    }

    @Around("execution(* io.nurture.checkout.OrderPlacement.place(..))")
    Object pauseBeforePlacing(ProceedingJoinPoint placement) throws Throwable {
        Pauses pauses = armed.get();
        if (pauses != null) {
            Thread.sleep(pauses.next());
        }
        return placement.proceed();
    }

    private record Pauses(Random random, Duration longest) {

        synchronized long next() {
            return random.nextLong(longest.toMillis() + 1);
        }
    }
}
