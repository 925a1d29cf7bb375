package io.nurture.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies of one kind of call, in milliseconds. */
final class Latencies {

    private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

    void time(Runnable call) {
        timeFrom(System.nanoTime(), call);
    }

    /** From when the call was due (a paced client that fell behind counts its wait too), to its answer. */
    void timeFrom(long dueNanos, Runnable call) {
        call.run();
        millis.add((System.nanoTime() - dueNanos) / 1_000_000.0);
    }

    double percentile(double p) {
        List<Double> sorted;
        synchronized (millis) {
            sorted = new ArrayList<>(millis);
        }
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
