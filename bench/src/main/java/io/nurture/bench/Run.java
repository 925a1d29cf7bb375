package io.nurture.bench;

import java.time.Duration;

/**
 * One measured run.
 *
 * @param starts    latency of each order's start (engine create, or Nurture's POST)
 * @param peakHeapMb the app's highest heap use (before a collection, or at the end), 0 where no app was measured
 * @param cpu        the app process's average CPU use (0..1 of the machine), 0 where none was measured
 * @param cpuUsed    CPU seconds the app, its broker and its database used during the run
 */
record Run(int orders, Duration elapsed, Latencies starts, double peakHeapMb, double cpu, Cpu cpuUsed) {

    /**
     * CPU milliseconds per order: app / broker / database, with the JIT compilers' part of app and broker; to a
     * tenth, since a change worth keeping may move the app's figure by less than a millisecond.
     */
    String cpuPerOrder() {
        return String.format(
                java.util.Locale.ROOT,
                "%.1f (JIT %.1f) / %.1f (JIT %.1f) / %.1f ms",
                1000 * cpuUsed.app() / orders,
                1000 * cpuUsed.appCompiler() / orders,
                1000 * cpuUsed.broker() / orders,
                1000 * cpuUsed.brokerCompiler() / orders,
                1000 * cpuUsed.database() / orders);
    }

    double ordersPerSecond() {
        return orders / (elapsed.toMillis() / 1000.0);
    }
}
