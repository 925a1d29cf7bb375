package io.nurture.testkit;

import io.nurture.local.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Nurture's own jar in local mode on a fresh data directory, started as the README starts it, with
 * the documented development keys: the benchmark's and the lifecycle simulation's app.
 */
public final class LocalNurture implements AutoCloseable {

    public static final String SHOP_KEY = "dev-integration-key";
    public static final String STAFF_KEY = "dev-staff-key";

    private final NurtureProcess process;
    private final Path data;
    private final int gatewayPort;
    private final int databasePort;

    private LocalNurture(NurtureProcess process, Path data, int gatewayPort, int databasePort) {
        this.process = process;
        this.data = data;
        this.gatewayPort = gatewayPort;
        this.databasePort = databasePort;
    }

    /**
     * @param jvmOptions the app JVM's options, e.g. {@code -Xmx512m}
     * @param arguments further {@code --key=value} arguments, e.g. to switch the workers off
     */
    public static LocalNurture start(Path home, String name, List<String> jvmOptions, List<String> arguments)
            throws IOException {
        Path data = Files.createDirectories(home.resolve(name));
        // Its own temp directory, a short path: MariaDB puts its socket there, and a socket path may
        // not pass 107 characters, which a run directory deep in a clone does.
        Path temp = Files.createTempDirectory("nurture-" + name + "-");
        int gatewayPort = FreePorts.any();
        int databasePort = FreePorts.any();
        NurtureProcess process = NurtureProcess.jar(appJar())
                .jvmOptions(jvmOptions)
                .jvmOptions(List.of("-Djava.io.tmpdir=" + temp))
                .arguments(List.of(
                        "--nurture.engine.gateway-port=" + gatewayPort,
                        "--nurture.data-dir=" + data,
                        "--nurture.database.embedded.port=" + databasePort,
                        "--nurture.mail.embedded-smtp.port=0"))
                .arguments(arguments)
                .start(FreePorts.any(), home.resolve(name + ".log"));
        return new LocalNurture(process, data, gatewayPort, databasePort);
    }

    public String baseUrl() {
        return process.baseUrl();
    }

    /** The app's own log (its stdout and stderr). */
    public Path log() {
        return process.log();
    }

    /** Its broker's gateway, for a client that talks to the engine itself. */
    public int gatewayPort() {
        return gatewayPort;
    }

    /** Its embedded database (on loopback; Nurture's user, its password in the data directory). */
    public int databasePort() {
        return databasePort;
    }

    public long pid() {
        return process.pid();
    }

    /** Its data directory, where the broker and the database keep their pid files. */
    public Path dataDirectory() {
        return data;
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }

    private static Path appJar() throws IOException {
        // From the project's root (the benchmark, the simulation) or from the app module (its tests).
        Path target = Files.isDirectory(Path.of("app", "target")) ? Path.of("app", "target") : Path.of("target");
        try (Stream<Path> jars = Files.list(target)) {
            return jars.filter(p -> p.getFileName().toString().matches("nurture-app-.*-local\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "No app/target/nurture-app-*-local.jar: build first (./mvnw -q -DskipTests install)"))
                    .toAbsolutePath();
        }
    }
}
