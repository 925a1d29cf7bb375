package io.nurture.testkit;

import java.util.List;

/**
 * JVM options for the apps and brokers that tests and short simulation runs start: short-lived, on
 * 2 cores shared with others. The C1 compiler alone and the serial collector spend less CPU on
 * starting, and the little they run needs no peak speed. Every such broker runs with the same
 * options, so that they all share one ahead-of-time cache (its key includes them).
 */
public final class ShortLivedJvm {

    public static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** The broker's {@code nurture.engine.local.java-options}. */
    public static final String BROKER = "-Xms64m -Xmx512m " + String.join(" ", OPTIONS);

    private ShortLivedJvm() {}
}
