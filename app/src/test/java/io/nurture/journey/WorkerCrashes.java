package io.nurture.journey;

import io.camunda.client.annotation.JobWorker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.stereotype.Component;

/**
 * Fault injection for tests (component-scanned from the test classpath, inert until armed): an
 * armed job type's handler does its work, its transaction commits, and then the worker "dies"
 * before the job is completed. The engine hands the job out again, as after a crashed worker,
 * only sooner than the job timeout.
 */
@Aspect
@Component
class WorkerCrashes {

    private final Map<String, AtomicInteger> armed = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> crashed = new ConcurrentHashMap<>();

    void crashOnceAfterSideEffect(String jobType) {
        armed.computeIfAbsent(jobType, type -> new AtomicInteger()).incrementAndGet();
    }

    int crashesOf(String jobType) {
        return crashed.getOrDefault(jobType, new AtomicInteger()).get();
    }

    @Around("@annotation(jobWorker)")
    Object crashAfterSideEffect(ProceedingJoinPoint handler, JobWorker jobWorker) throws Throwable {
        Object result = handler.proceed();
        AtomicInteger left = armed.get(jobWorker.type());
        if (left != null && left.getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
            crashed.computeIfAbsent(jobWorker.type(), type -> new AtomicInteger()).incrementAndGet();
            throw new IllegalStateException("Injected worker crash after the side effect of " + jobWorker.type());
        }
        return result;
    }
}
