package io.nurture.testing;

import io.nurture.broker.LocalBroker;
import io.nurture.broker.LocalBrokerProperties;
import io.nurture.local.DataDirectory;
import io.nurture.testkit.ShortLivedJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Real Zeebe brokers from Camunda's distribution (the one the build unpacked), run by a test outside
 * the app as a cluster's brokers would be, with their records exported to their logs.
 */
public final class TestBrokers {

    private static final Duration STARTUP = Duration.ofMinutes(2);

    private TestBrokers() {}

    /**
     * A broker keeping its state and log in {@code data}; {@code settings} are ZEEBE_BROKER_... variables.
     * It starts once the test brokers' ahead-of-time cache is trained ({@link BrokerCacheTraining}).
     */
    public static LocalBroker broker(Path data, int gatewayPort, Map<String, String> settings) throws IOException {
        BrokerCacheTraining.awaitTrained();
        return create(data, gatewayPort, settings);
    }

    /** As {@link #broker}, without waiting for the ahead-of-time cache: the one that trains it. */
    static LocalBroker create(Path data, int gatewayPort, Map<String, String> settings) throws IOException {
        Map<String, String> environment = new HashMap<>(BrokerExport.SETTINGS);
        environment.putAll(settings);
        LocalBrokerProperties properties = new LocalBrokerProperties(
                distribution(),
                ShortLivedJvm.BROKER,
                1,
                STARTUP,
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                true,
                environment);
        return new LocalBroker(properties, DataDirectory.open(data.toString(), false), gatewayPort, false);
    }

    /** The distribution the build unpacked (beside it lie the broker's ahead-of-time caches, files of the same prefix). */
    public static Path distribution() throws IOException {
        try (Stream<Path> unpacked = Files.list(Path.of("target", "zeebe"))) {
            return unpacked.filter(Files::isDirectory)
                    .filter(dir -> dir.getFileName().toString().startsWith("camunda-zeebe-"))
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalStateException("No Zeebe distribution under target/zeebe: run the build"))
                    .toAbsolutePath();
        }
    }
}
