package io.nurture.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/** Clients placing orders at once, each one after the other, as a shop's checkouts would. */
final class Load {

    private Load() {}

    /**
     * Clients together placing {@code perSecond} orders a second, as checkouts arrive, rather than
     * each one as soon as its last was answered; the consumer gets the order's due time (nanoTime).
     */
    static void paced(int clients, int orders, double perSecond, LongIntConsumer order) throws Exception {
        long start = System.nanoTime();
        long gapNanos = (long) (1_000_000_000L / perSecond);
        inParallel(clients, orders, i -> {
            long due = start + i * gapNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            order.accept(due, i);
        });
    }

    interface LongIntConsumer {
        void accept(long dueNanos, int index);
    }

    static void inParallel(int clients, int orders, IntConsumer order) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int first = client;
                running.add(pool.submit(() -> {
                    for (int i = first; i < orders; i += clients) {
                        order.accept(i);
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
