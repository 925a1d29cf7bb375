package io.nurture.testing;

import io.camunda.client.annotation.JobWorker;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.stereotype.Component;

/**
 * Fault injection for tests (component-scanned from the test classpath, inert until armed). An
 * armed job type's handler does its work and its transaction commits; then the worker either
 * "dies" before completing the job, so the engine hands it out again as after a crash (only
 * sooner than the job timeout), or stalls past the job timeout, so the engine hands it to another
 * worker while the first is still busy (for a while, or until the test lets it go). Something can
 * also be made to happen just before a job type's next handler starts, so a race is run in one
 * order on purpose instead of by timing. A reset lets go of every handler a test left waiting.
 */
@Aspect
@Component
public class WorkerFaults {

    private final Map<String, AtomicInteger> crashesArmed = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> crashes = new ConcurrentHashMap<>();
    private final Map<String, Duration> stallsArmed = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> holdsArmed = new ConcurrentHashMap<>();
    private final Set<CountDownLatch> holdsGiven = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final Map<String, BeforeRun> before = new ConcurrentHashMap<>();

    public void reset() {
        crashesArmed.clear();
        crashes.clear();
        stallsArmed.clear();
        holdsArmed.clear();
        holdsGiven.forEach(CountDownLatch::countDown);
        holdsGiven.clear();
        runs.clear();
        before.values().forEach(armed -> armed.orderId().cancel(true));
        before.clear();
    }

    /**
     * Runs {@code meanwhile} once, on the worker's thread, right before the job type's handler for
     * the order starts. Armed before the order exists (its steps may run before its placing call
     * returns), so a handler waits for the order's id to be known before it can tell whether it is
     * the one.
     */
    public void beforeRunFor(String jobType, Future<String> orderId, Runnable meanwhile) {
        before.put(jobType, new BeforeRun(orderId, meanwhile));
    }

    public void crashOnceAfterSideEffect(String jobType) {
        counter(crashesArmed, jobType).incrementAndGet();
    }

    public void stallOnceAfterSideEffect(String jobType, Duration stall) {
        stallsArmed.put(jobType, stall);
    }

    /**
     * The job type's next handler does its work, then holds the job until the test counts the
     * answered latch down (at most a minute), so something can happen meanwhile without a race
     * against a fixed stall.
     */
    public CountDownLatch holdOnceAfterSideEffect(String jobType) {
        CountDownLatch release = new CountDownLatch(1);
        holdsGiven.add(release);
        holdsArmed.put(jobType, release);
        return release;
    }

    public int crashesOf(String jobType) {
        return counter(crashes, jobType).get();
    }

    public int runsOf(String jobType) {
        return counter(runs, jobType).get();
    }

    @Around("@annotation(jobWorker)")
    Object injectFault(ProceedingJoinPoint handler, JobWorker jobWorker) throws Throwable {
        String type = jobWorker.type();
        counter(runs, type).incrementAndGet();
        BeforeRun armed = before.get(type);
        if (armed != null && armed.isFor(handler.getArgs()) && before.remove(type, armed)) {
            armed.meanwhile().run();
        }
        Object result = handler.proceed();
        Duration stall = stallsArmed.remove(type);
        if (stall != null) {
            Thread.sleep(stall);
        }
        CountDownLatch hold = holdsArmed.remove(type);
        if (hold != null) {
            hold.await(1, TimeUnit.MINUTES);
        }
        if (counter(crashesArmed, type).getAndUpdate(left -> Math.max(left - 1, 0)) > 0) {
            counter(crashes, type).incrementAndGet();
            throw new IllegalStateException("Injected worker crash after the side effect of " + type);
        }
        return result;
    }

    private record BeforeRun(Future<String> orderId, Runnable meanwhile) {

        /** Whether the handler works on the armed order; not when the test gave up on it (reset, or it never placed it). */
        boolean isFor(Object[] handlerArguments) throws InterruptedException {
            try {
                return Arrays.asList(handlerArguments).contains(orderId.get(1, TimeUnit.MINUTES));
            } catch (ExecutionException | CancellationException | TimeoutException givenUp) {
                return false;
            }
        }
    }

    private static AtomicInteger counter(Map<String, AtomicInteger> counters, String jobType) {
        return counters.computeIfAbsent(jobType, type -> new AtomicInteger());
    }
}
