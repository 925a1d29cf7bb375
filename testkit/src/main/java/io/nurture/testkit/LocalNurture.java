package io.nurture.testkit;

import io.nurture.local.AotCache;
import io.nurture.local.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Nurture's own jar in local mode on a fresh data directory, started as the README starts it, with
 * the documented development keys: the benchmark's and the lifecycle simulation's app.
 */
public final class LocalNurture implements AutoCloseable {

    public static final String SHOP_KEY = "dev-integration-key";
    public static final String STAFF_KEY = "dev-staff-key";

    private static final String APP = "nurture-app";

    private final NurtureProcess process;
    private final Path data;
    private final int gatewayPort;
    private final int databasePort;
    private final AotCache aotCache;
    private final AotCache.Start aot;

    private LocalNurture(
            NurtureProcess process,
            Path data,
            int gatewayPort,
            int databasePort,
            AotCache aotCache,
            AotCache.Start aot) {
        this.process = process;
        this.data = data;
        this.gatewayPort = gatewayPort;
        this.databasePort = databasePort;
        this.aotCache = aotCache;
        this.aot = aot;
    }

    /**
     * @param jvmOptions the app JVM's options, e.g. {@code -Xmx512m}
     * @param arguments further {@code --key=value} arguments, e.g. to switch the workers off
     */
    public static LocalNurture start(Path home, String name, List<String> jvmOptions, List<String> arguments)
            throws IOException {
        return start(home, name, jvmOptions, arguments, appJar(), AotCache.none());
    }

    /**
     * As {@link #start}, from the jar unpacked, with the app's ahead-of-time cache (JDK 25 and later):
     * the first such start of a build trains it (written as the app stops), every later one uses it
     * and reaches compiled code sooner. For a run long enough to repay a training, as the
     * simulation's long runs (docs/performance.md, issue 27's seventeenth part).
     */
    public static LocalNurture startWithAotCache(
            Path home, String name, List<String> jvmOptions, List<String> arguments)
            throws IOException, InterruptedException {
        Path jar = appJar();
        if (!AotCache.supported()) {
            return start(home, name, jvmOptions, arguments, jar, AotCache.none());
        }
        UnpackedJar unpacked;
        try {
            unpacked = UnpackedJar.of(jar, stamp(jar));
        } catch (IOException e) {
            System.err.println("Starting the app from its executable jar, without an ahead-of-time cache: " + e);
            return start(home, name, jvmOptions, arguments, jar, AotCache.none());
        }
        // The unpacked jar's time too: unpacked again under the same stamp, a cache trained on the
        // earlier files no longer matches them, and the JVM would ignore it on every start.
        AotCache cache = AotCache.in(jar.getParent(), APP, String.join(" ", jvmOptions), stamp(unpacked.jar()));
        if (unpacked.fresh()) {
            cache.deleteOthers();
        }
        return start(home, name, jvmOptions, arguments, unpacked.jar(), cache);
    }

    private static LocalNurture start(
            Path home, String name, List<String> jvmOptions, List<String> arguments, Path jar, AotCache cache)
            throws IOException {
        Path data = Files.createDirectories(home.resolve(name));
        // Its own temp directory, a short path: MariaDB puts its socket there, and a socket path may
        // not pass 107 characters, which a run directory deep in a clone does.
        Path temp = Files.createTempDirectory("nurture-" + name + "-");
        int gatewayPort = FreePorts.any();
        int databasePort = FreePorts.any();
        AotCache.Start aot = cache.start();
        try {
            NurtureProcess process = NurtureProcess.jar(jar)
                    .jvmOptions(jvmOptions)
                    .jvmOptions(aot.options())
                    .jvmOptions(List.of("-Djava.io.tmpdir=" + temp))
                    .arguments(List.of(
                            "--nurture.engine.gateway-port=" + gatewayPort,
                            "--nurture.data-dir=" + data,
                            "--nurture.database.embedded.port=" + databasePort,
                            "--nurture.mail.embedded-smtp.port=0"))
                    .arguments(arguments)
                    .start(FreePorts.any(), home.resolve(name + ".log"));
            return new LocalNurture(process, data, gatewayPort, databasePort, cache, aot);
        } catch (IOException | RuntimeException failed) {
            cache.exited(aot, -1);
            throw failed;
        }
    }

    /** Tells one build of a jar from another: a cache trained on another one would not match its class path. */
    private static int stamp(Path jar) throws IOException {
        return Objects.hash(jar.getFileName().toString(), Files.size(jar), Files.getLastModifiedTime(jar));
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
        try {
            process.close();
        } finally {
            aotCache.exited(aot, process.exitCode());
        }
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
