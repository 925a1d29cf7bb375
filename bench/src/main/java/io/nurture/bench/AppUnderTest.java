package io.nurture.bench;

import io.nurture.local.ChildProcesses;
import io.nurture.local.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Nurture's own jar in local mode on a fresh data directory, started as the README starts it; the
 * benchmark's and the lifecycle simulation's app.
 */
public final class AppUnderTest implements AutoCloseable {

    private static final Duration STARTUP_STALL = Duration.ofMinutes(1);

    public static final String SHOP_KEY = "dev-integration-key";
    public static final String STAFF_KEY = "dev-staff-key";

    private final Process process;
    private final Path data;
    private final Path log;
    final int port;
    public final int gatewayPort;

    private AppUnderTest(Process process, Path data, Path log, int port, int gatewayPort) {
        this.process = process;
        this.data = data;
        this.log = log;
        this.port = port;
        this.gatewayPort = gatewayPort;
    }

    /** CPU seconds used so far by the app, its broker and its database server. */
    Cpu cpu() {
        return new Cpu(
                CpuTime.seconds(process.pid()),
                CpuTime.seconds(CpuTime.pidIn(data.resolve("broker.pid"))),
                CpuTime.seconds(CpuTime.pidIn(data.resolve("mariadb.pid"))));
    }

    record Cpu(double app, double broker, double database) {

        Cpu since(Cpu before) {
            return new Cpu(app - before.app, broker - before.broker, database - before.database);
        }
    }

    /** @param settings further {@code --key=value} arguments, e.g. to switch the workers off */
    public static AppUnderTest start(Path home, String name, String heap, List<String> settings) throws Exception {
        return start(home, name, List.of("-Xmx" + heap), settings);
    }

    /** @param jvmOptions the app JVM's options, e.g. {@code -Xmx512m} */
    public static AppUnderTest start(Path home, String name, List<String> jvmOptions, List<String> settings)
            throws Exception {
        Path data = Files.createDirectories(home.resolve(name));
        // Its own temp directory: the embedded database refuses a data directory inside the temp
        // directory (it would wipe it), and a clone under /tmp puts the runs there. A short path of its
        // own: MariaDB puts its socket there, and a socket path may not pass 107 characters, which a
        // run directory deep in a clone does.
        Path temp = Files.createTempDirectory("nurture-" + name + "-");
        int port = FreePorts.any();
        int gatewayPort = FreePorts.any();
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-Djava.io.tmpdir=" + temp,
                "-jar",
                appJar().toString(),
                "--server.port=" + port,
                "--nurture.engine.gateway-port=" + gatewayPort,
                "--nurture.data-dir=" + data,
                "--nurture.database.embedded.port=0",
                "--nurture.mail.embedded-smtp.port=0"));
        command.addAll(settings);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".log").toFile())
                .start();
        AppUnderTest app = new AppUnderTest(process, data, home.resolve(name + ".log"), port, gatewayPort);
        app.awaitHealthy(home.resolve(name + ".log"));
        return app;
    }

    /** The app's own log (its stdout and stderr). */
    public Path log() {
        return log;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
    }

    /** Waits while the start makes progress, as the app waits for its own children (a fixed deadline failed a start that a busy machine made take 192 s). */
    private void awaitHealthy(Path log) {
        HttpClient http = HttpClient.newHttpClient();
        ChildProcesses.awaitReady("Nurture", process, log, STARTUP_STALL, () -> {
            try {
                return http.send(
                                        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200;
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static Path appJar() throws IOException {
        // From the project's root (the benchmark, the simulation) or from the app module (its tests).
        Path target = Files.isDirectory(Path.of("app", "target")) ? Path.of("app", "target") : Path.of("target");
        try (Stream<Path> jars = Files.list(target)) {
            return jars.filter(p -> p.getFileName().toString().matches("nurture-app-.*-local\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "No app/target/nurture-app-*-local.jar: build first" + " (./mvnw -q -DskipTests install)"))
                    .toAbsolutePath();
        }
    }
}
