package io.nurture.testkit;

import java.util.List;

/**
 * JVM options for a JVM that serves for hours (the benchmark's app, a long simulation's app and broker): the
 * heap fixed at its maximum, as the Dockerfile's {@code JDK_JAVA_OPTIONS} and app/pom.xml's
 * {@code spring-boot.run.jvmArguments} fix it. Free to stay small, G1 kept the heap at about 170 MB
 * and ran a concurrent cycle every 4 to 8 seconds, each ending in a remark pause of 17-103 ms; with
 * the heap fixed, two a run. See docs/operations.md, "The app's JVM".
 */
public final class ServingJvm {

    private ServingJvm() {}

    /** The options with the heap fixed at {@code size} (e.g. {@code 512m}). */
    public static List<String> withHeap(String size) {
        return List.of("-Xms" + size, "-Xmx" + size);
    }
}
