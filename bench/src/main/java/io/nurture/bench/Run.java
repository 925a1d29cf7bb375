package io.nurture.bench;

import java.time.Duration;

/**
 * One measured run.
 *
 * @param starts    latency of each order's start (engine create, or Nurture's POST)
 * @param peakHeapMb the app's highest heap use seen, 0 where no app was measured
 * @param cpu        the app process's average CPU use (0..1 of the machine), 0 where none was measured
 */
record Run(int orders, Duration elapsed, Latencies starts, double peakHeapMb, double cpu) {

    double ordersPerSecond() {
        return orders / (elapsed.toMillis() / 1000.0);
    }
}
