package io.nurture.bench;

import io.camunda.client.CamundaClient;
import io.nurture.broker.LocalBroker;
import io.nurture.broker.LocalBrokerProperties;
import io.nurture.local.DataDirectory;
import io.nurture.local.FreePorts;
import io.nurture.processes.Models;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The engine by itself: the broker of the distribution Nurture's local mode runs, started the same
 * way (same JVM options, two processing threads) but with no Nurture app or database beside it, so
 * nothing else takes the machine's cores while the ceiling is measured.
 */
final class BrokerAlone implements AutoCloseable {

    private final LocalBroker broker;
    private final DataDirectory data;
    private final int gatewayPort;

    private BrokerAlone(LocalBroker broker, DataDirectory data, int gatewayPort) {
        this.broker = broker;
        this.data = data;
        this.gatewayPort = gatewayPort;
    }

    /** @param directory the run's own data directory under {@code home}: each start begins on an empty one */
    static BrokerAlone start(Path home, String directory) throws IOException {
        DataDirectory data = DataDirectory.open(home.resolve(directory).toString(), false);
        int gatewayPort = FreePorts.any();
        LocalBroker broker = new LocalBroker(
                new LocalBrokerProperties(
                        distribution(),
                        "-Xms128m -Xmx512m",
                        2,
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(30),
                        true,
                        Map.of()),
                data,
                gatewayPort,
                false);
        broker.start();
        try {
            deployModels(gatewayPort);
        } catch (RuntimeException notDeployed) {
            // No caller holds the broker yet to stop it: a failed run left one running for over an hour.
            broker.stop();
            throw notDeployed;
        }
        return new BrokerAlone(broker, data, gatewayPort);
    }

    /**
     * What Nurture deploys at its start, so the instances the ceiling starts run the shipped models.
     * The broker counts as started only once its gateway knows the partition's leader, so the
     * deployment is not refused as UNAVAILABLE.
     */
    private static void deployModels(int gatewayPort) {
        try (CamundaClient client = CamundaClient.newClientBuilder()
                .grpcAddress(URI.create("http://127.0.0.1:" + gatewayPort))
                .preferRestOverGrpc(false)
                .build()) {
            var deployment = client.newDeployResourceCommand().addResourceFromClasspath(Models.RESOURCES.getFirst());
            for (String model : Models.RESOURCES.subList(1, Models.RESOURCES.size())) {
                deployment = deployment.addResourceFromClasspath(model);
            }
            deployment.send().join();
        }
    }

    int gatewayPort() {
        return gatewayPort;
    }

    /** CPU seconds the broker used so far (none for an app or a database: there is none). */
    Cpu cpu() {
        return Cpu.ofBroker(CpuTime.pidIn(data.root().resolve("broker.pid")));
    }

    @Override
    public void close() {
        broker.stop();
    }

    /** The distribution the build unpacked for local mode (app/target/zeebe/camunda-zeebe-<version>). */
    private static Path distribution() throws IOException {
        try (Stream<Path> unpacked = Files.list(Path.of("app", "target", "zeebe"))) {
            return unpacked.filter(Files::isDirectory)
                    .filter(dir -> dir.getFileName().toString().startsWith("camunda-zeebe-"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No app/target/zeebe/camunda-zeebe-*: build first"))
                    .toAbsolutePath();
        }
    }
}
