package io.nurture.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Nurture's own jar in local mode on a fresh data directory, started as the README starts it; the
 * benchmark's and the lifecycle simulation's app.
 */
public final class AppUnderTest implements AutoCloseable {

    private static final int LOWEST_PORT = 10_000;
    private static final Duration STARTUP_STALL = Duration.ofMinutes(1);
    private static final Duration WORK = Duration.ofSeconds(2);
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    public static final String SHOP_KEY = "dev-integration-key";
    public static final String STAFF_KEY = "dev-staff-key";

    private final Process process;
    private final Path data;
    final int port;
    public final int gatewayPort;

    private AppUnderTest(Process process, Path data, int port, int gatewayPort) {
        this.process = process;
        this.data = data;
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
        int port = freePort();
        int gatewayPort = freePort();
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
        AppUnderTest app = new AppUnderTest(process, data, port, gatewayPort);
        app.awaitHealthy(home.resolve(name + ".log"));
        return app;
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

    /**
     * Waits while the start makes progress (its log grows, or it and its broker and database work:
     * 2 s of CPU per stall period); fails when it stood still for {@link #STARTUP_STALL}. A fixed
     * deadline failed a start that a busy machine made take 192 s.
     */
    private void awaitHealthy(Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long lastLogSize = -1;
        Duration lastCpu = Duration.ZERO;
        Instant lastProgress = Instant.now();
        while (Duration.between(lastProgress, Instant.now()).compareTo(STARTUP_STALL) < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Nurture exited while starting; see " + log);
            }
            try {
                var answer = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            long logSize = Files.size(log);
            Duration cpu = cpuOfTree();
            if (logSize != lastLogSize || cpu.minus(lastCpu).compareTo(WORK) >= 0) {
                lastLogSize = logSize;
                lastCpu = cpu;
                lastProgress = Instant.now();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(
                "Nurture's start stood still for " + STARTUP_STALL + " without becoming healthy; see " + log);
    }

    private Duration cpuOfTree() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .map(handle -> handle.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
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

    /**
     * A port below the kernel's ephemeral range, never twice per JVM, as the app's own {@code FreePorts}
     * chooses them (this module cannot reach the app's classes): a port from that range, closed again
     * for the app to bind later, can meanwhile become the local port of any outgoing connection.
     */
    public static int freePort() {
        int below = ephemeralStart();
        for (int attempt = 0; attempt < 200 && below > LOWEST_PORT; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST_PORT, below);
            if (HANDED_OUT.add(port)) {
                try (ServerSocket socket = new ServerSocket()) {
                    socket.setReuseAddress(false);
                    socket.bind(new InetSocketAddress(port));
                    return port;
                } catch (IOException taken) {
                    HANDED_OUT.remove(port);
                }
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int ephemeralStart() {
        try {
            // By lines: some kernels (gVisor) report /proc files as empty, and a read by size returns one byte.
            return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .get(0)
                    .trim()
                    .split("\\s+")[0]);
        } catch (IOException | RuntimeException notLinux) {
            return 32_768;
        }
    }
}
