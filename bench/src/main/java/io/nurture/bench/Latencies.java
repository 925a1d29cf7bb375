package io.nurture.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Latencies of one kind of call, in milliseconds. */
final class Latencies {

    /** One call: when it was answered, and how long it took from when it was due. */
    record Call(Instant answered, double millis) {}

    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    void time(Runnable call) {
        timeFrom(System.nanoTime(), call);
    }

    /** From when the call was due (a paced client that fell behind counts its wait too), to its answer. */
    void timeFrom(long dueNanos, Runnable call) {
        call.run();
        calls.add(new Call(Instant.now(), (System.nanoTime() - dueNanos) / 1_000_000.0));
    }

    double percentile(double p) {
        List<Double> sorted = byMillis().map(Call::millis).toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** The slowest calls, slowest first, with the time they were answered: to find them in the logs. */
    List<Call> slowest(int count) {
        List<Call> slowestFirst = byMillis().toList().reversed();
        return slowestFirst.subList(0, Math.min(count, slowestFirst.size()));
    }

    private Stream<Call> byMillis() {
        List<Call> copy;
        synchronized (calls) {
            copy = new ArrayList<>(calls);
        }
        return copy.stream().sorted(Comparator.comparingDouble(Call::millis));
    }
}
