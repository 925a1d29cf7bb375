package io.nurture.testkit;

import java.util.List;
import java.util.stream.Stream;

/**
 * JVM options for an app that serves orders for hours (the benchmark's, a long simulation's): the
 * ones the Dockerfile and the README's run command give it, with the heap fixed at its maximum.
 * With the heap free to stay small, G1 ran a concurrent cycle every 4 to 8 seconds, and each
 * cycle's remark pause unloaded classes and swept the JIT's code cache: 17-100 ms, the tail of
 * {@code POST /api/orders}. Classes are still unloaded by a full collection, which a metaspace
 * that keeps growing triggers; the initial threshold is above what the app loads while starting.
 * See docs/operations.md, "The app's JVM".
 */
public final class ServingJvm {

    public static final List<String> OPTIONS =
            List.of("-XX:-ClassUnloadingWithConcurrentMark", "-XX:MetaspaceSize=160m");

    private ServingJvm() {}

    /** The options with the heap fixed at {@code size} (e.g. {@code 512m}). */
    public static List<String> withHeap(String size) {
        return Stream.concat(Stream.of("-Xms" + size, "-Xmx" + size), OPTIONS.stream())
                .toList();
    }
}
