package io.nurture.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.ArrayList;
import java.util.List;

/** Clients placing orders at once, each one after the other, as a shop's checkouts would. */
final class Load {

    private Load() {
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
