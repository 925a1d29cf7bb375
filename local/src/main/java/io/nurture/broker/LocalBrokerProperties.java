package io.nurture.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param distribution   the unpacked Camunda Zeebe distribution (bin/, config/, lib/); the build unpacks
 *                       the one named by the {@code zeebe.version} build property into app/target/zeebe
 * @param javaOptions    JVM options of the broker process (its heap; RocksDB memory comes on top)
 * @param cpuThreads     the broker's processing threads
 * @param startupStall   how long a (re)starting broker's log may stand still before the start counts as
 *                       failed; a slow start that keeps logging is waited for
 * @param restartBackoff first wait before restarting a broker that died; doubles up to maxRestartBackoff
 * @param maxRestartBackoff longest wait between restarts
 * @param aotCache       on JDK 25 and later, the broker keeps an ahead-of-time cache beside the distribution
 *                       (trained by the first start, used by every later one: about half the start time)
 * @param environment    further broker settings as environment variables (ZEEBE_BROKER_...), e.g. an exporter
 */
@ConfigurationProperties("nurture.engine.local")
public record LocalBrokerProperties(
        Path distribution,
        @DefaultValue("-Xms128m -Xmx512m") String javaOptions,
        @DefaultValue("2") int cpuThreads,
        @DefaultValue("PT1M") Duration startupStall,
        @DefaultValue("PT1S") Duration restartBackoff,
        @DefaultValue("PT30S") Duration maxRestartBackoff,
        @DefaultValue("true") boolean aotCache,
        Map<String, String> environment) {

    public LocalBrokerProperties {
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }
}
