package io.nurture.runtime;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where the process engine runs ({@code nurture.engine.mode}). Read once, case-insensitively, by
 * {@link RuntimeDefaults}, which writes the lower-case name back so that every
 * {@code @ConditionalOnProperty} and expression compares the same value.
 */
enum EngineMode {
    /** The default: a Zeebe broker that Nurture runs itself. */
    LOCAL,
    /** A Camunda 8 cluster reached through the {@code camunda.client.*} settings. */
    CLUSTER,
    /** Tests only: zeebe-process-test's in-memory engine inside the test JVM. */
    EMBEDDED;

    /** The value as written in configuration and compared by conditions. */
    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The engine runs beside Nurture: its gateway is on 127.0.0.1, and the development keys may exist. */
    boolean besideNurture() {
        return this != CLUSTER;
    }

    static EngineMode parse(String value) {
        for (EngineMode mode : values()) {
            if (mode.value().equalsIgnoreCase(value.strip())) {
                return mode;
            }
        }
        throw new IllegalStateException(RuntimeDefaults.ENGINE_MODE + " (NURTURE_ENGINE_MODE) must be one of "
                + Arrays.stream(values()).map(EngineMode::value).collect(Collectors.joining(", ")) + ", not '" + value
                + "'");
    }
}
