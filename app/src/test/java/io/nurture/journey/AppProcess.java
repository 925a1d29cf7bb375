package io.nurture.journey;

import io.nurture.NurtureApplication;
import io.nurture.local.ChildProcesses;
import io.nurture.security.SliceClient;
import io.nurture.testkit.NurtureClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** Nurture in its own JVM, started as a user starts it and ended with SIGTERM as systemd would. */
record AppProcess(Process process, int port) implements AutoCloseable {

    /** A start is waited for while the app's log grows (a busy machine); one that stands still this long failed. */
    private static final Duration STALL = Duration.ofMinutes(1);

    /**
     * Tests whose app, brokers and database run as child processes hold this lock: they run one at a
     * time, beside the tests that run the app in the test's own JVM (two such starts at once on
     * 2 cores slowed each past its patience).
     */
    static final String CHILD_PROCESSES = "child processes";

    /**
     * The tests' apps, brokers and databases are short-lived and share 2 cores: the C1 compiler alone
     * and the serial collector spend less of it on starting, and the little they run needs no peak speed.
     */
    static final String[] QUICK_START_JVM = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"};

    /**
     * The JVM options of every broker the tests start, theirs and their apps': one set, so that they
     * share one ahead-of-time cache (its key includes them), trained once per build.
     */
    static final String TEST_BROKER_JVM = "-Xms64m -Xmx512m " + String.join(" ", QUICK_START_JVM);

    /**
     * The test profile streams jobs, for the in-memory engine's sake (application-test.yaml); an app
     * on a real broker takes them as production does, by polling (the client's default interval).
     */
    private static final Map<String, Object> PRODUCTION_JOB_DELIVERY = Map.of(
            "camunda.client.worker.defaults.stream-enabled",
            false,
            "camunda.client.worker.defaults.poll-interval",
            "PT0.1S");

    static AppProcess start(Map<String, Object> settings, Path log) throws IOException {
        return start(settings, log, 200);
    }

    /** Started with its engine out of reach: health answers, but 503 (the Camunda client is down). */
    static AppProcess startWithoutEngine(Map<String, Object> settings, Path log) throws IOException {
        return start(settings, log, 503);
    }

    private static AppProcess start(Map<String, Object> settings, Path log, int health) throws IOException {
        // A temp directory of its own under target/: the embedded database refuses data kept below it.
        Path temp = Files.createDirectories(Path.of("target", "app-tmp").toAbsolutePath());
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Djava.io.tmpdir=" + temp,
                QUICK_START_JVM[0],
                QUICK_START_JVM[1],
                "-cp",
                System.getProperty("java.class.path"),
                NurtureApplication.class.getName()));
        Map<String, Object> withProductionDelivery = new TreeMap<>(PRODUCTION_JOB_DELIVERY);
        withProductionDelivery.putAll(settings);
        withProductionDelivery.forEach((key, value) -> command.add("--" + key + "=" + value));
        // A session of its own, as a terminal or service manager gives it: a signal to its group reaches it and nothing
        // else.
        Process process = new ProcessBuilder(ChildProcesses.inOwnSession(command))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        AppProcess app = new AppProcess(process, (Integer) settings.get("server.port"));
        ChildProcesses.awaitReady("Nurture", process, log, STALL, () -> answersHealth(app, health));
        return app;
    }

    private static boolean answersHealth(AppProcess app, int health) {
        try {
            return new NurtureClient(app.port, null).get("/actuator/health").status() == health;
        } catch (RuntimeException notYetListening) {
            return false;
        }
    }

    NurtureClient client() {
        return new NurtureClient(port, SliceClient.HARNESS_KEY);
    }

    boolean terminate() throws InterruptedException {
        process.destroy();
        return process.waitFor(3, TimeUnit.MINUTES);
    }

    /**
     * SIGTERM to the app's whole process group, as Ctrl-C in a terminal or a service manager's stop
     * sends it. Bound: the broker that trains its ahead-of-time cache writes it as it stops (20 s idle).
     */
    boolean terminateGroup() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-TERM", "--", "-" + process.pid())
                .inheritIO()
                .start()
                .waitFor();
        return process.waitFor(3, TimeUnit.MINUTES);
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: the app gets no chance to finish anything (its database server and broker stay behind). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(1, TimeUnit.MINUTES);
    }

    /** Ends the app gracefully if it still runs, so it also stops its database server and broker. */
    @Override
    public void close() throws InterruptedException {
        if (!terminate()) {
            process.destroyForcibly();
        }
    }
}
