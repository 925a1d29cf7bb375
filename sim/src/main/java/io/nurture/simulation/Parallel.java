package io.nurture.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs a batch of independent calls side by side and returns once all are done; the first failure is thrown. */
final class Parallel implements AutoCloseable {

    private final ExecutorService pool;

    /** Daemon threads: a run that failed ends its JVM, not waits in it for ever with the calls' pool. */
    Parallel(int threads) {
        pool = Executors.newFixedThreadPool(
                threads, Thread.ofPlatform().daemon().factory());
    }

    void run(List<Runnable> steps) {
        List<Future<?>> running = new ArrayList<>(steps.size());
        steps.forEach(step -> running.add(pool.submit(step)));
        for (Future<?> step : running) {
            try {
                step.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime
                        ? runtime
                        : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
