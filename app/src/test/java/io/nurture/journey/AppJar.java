package io.nurture.journey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * The app the child-process tests start: this build's local jar, extracted as Spring Boot advises for
 * a class-data cache, and started with an ahead-of-time cache of its own start (JDK 25 and later,
 * JEP 483/514). The first start records which classes the app loads; once it has stopped, the cache is
 * built from that record beside the tests, and every later start uses it (measured on 2 cores: a local
 * mode start took 7 s of the app's CPU and 9 s to health instead of 14 s and 15 s). A recording start
 * that was killed leaves no record, and the next start records instead. The tests' apps are the jar a
 * user runs, with the test profile's settings beside it; the test classes are not on its class path.
 */
final class AppJar {

    private static final Path HOME = Path.of("target", "app-under-test").toAbsolutePath();
    private static final Path RECORD = HOME.resolve("app.aotconf");
    private static final Path CACHE = HOME.resolve("app.aot");
    private static final String QUIET = "-Xlog:aot*=error,cds*=error";
    private static final int FIRST_JDK_WITH_CACHE = 25;

    private static Path jar;
    private static boolean recording;

    private AppJar() {
    }

    /** The command that starts the app: JVM options, the cache's part, the jar and the test profile's settings. */
    static synchronized Launch launch(List<String> jvmOptions) throws IOException {
        Path extracted = extracted();
        List<String> cache = cacheOptions();
        List<String> command = Stream.of(List.of(java()), jvmOptions, cache,
                List.of("-jar", extracted.toString(), "--spring.config.additional-location=optional:file:" + testSettings() + "/")).flatMap(List::stream).toList();
        return new Launch(command, jvmOptions, cache.contains("-XX:AOTMode=record"));
    }

    /** @param records whether this start records the classes its app loads, for the cache */
    record Launch(List<String> command, List<String> jvmOptions, boolean records) {
    }

    /** A recording start ended: one that stopped as asked wrote its record, from which the cache is built in the background. */
    static synchronized void ended(Launch launch, int exitCode) {
        if (!launch.records()) {
            return;
        }
        boolean stoppedAsAsked = exitCode == 0 || exitCode == 143;
        if (!stoppedAsAsked || !Files.isRegularFile(RECORD)) {
            recording = false;
            return;
        }
        Thread.ofPlatform().daemon().name("app-aot-cache").start(() -> buildCache(launch.jvmOptions()));
    }

    /** With the recording start's JVM options, which the cache must match. */
    private static void buildCache(List<String> jvmOptions) {
        Path building = HOME.resolve("app.aot.building");
        List<String> command = Stream.of(List.of(java()), jvmOptions, List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + RECORD,
                "-XX:AOTCache=" + building, QUIET, "-cp", jar.toString())).flatMap(List::stream).toList();
        try {
            Process create = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(HOME.resolve("aot-cache.log").toFile()).start();
            if (create.waitFor(5, TimeUnit.MINUTES) && create.exitValue() == 0 && Files.isRegularFile(building)) {
                Files.move(building, CACHE);
            }
        } catch (IOException | InterruptedException notBuilt) {
            // The apps start without the cache, as on a JDK that has none.
        }
    }

    private static List<String> cacheOptions() {
        if (Runtime.version().feature() < FIRST_JDK_WITH_CACHE) {
            return List.of();
        }
        if (Files.isRegularFile(CACHE)) {
            return List.of("-XX:AOTCache=" + CACHE, QUIET);
        }
        if (recording) {
            return List.of();
        }
        recording = true;
        return List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + RECORD, QUIET);
    }

    /** Extracted afresh by each test run: the jar is this build's. */
    private static Path extracted() throws IOException {
        if (jar == null) {
            FileSystemUtils.deleteRecursively(HOME);
            Files.createDirectories(HOME);
            Path extract = HOME.resolve("app");
            try {
                Process tools = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", localJar().toString(), "extract", "--destination", extract.toString())
                        .redirectErrorStream(true).redirectOutput(HOME.resolve("extract.log").toFile()).start();
                if (!tools.waitFor(2, TimeUnit.MINUTES) || tools.exitValue() != 0) {
                    throw new IllegalStateException("Could not extract the app's jar; see " + HOME.resolve("extract.log"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try (Stream<Path> files = Files.list(extract)) {
                jar = files.filter(file -> file.getFileName().toString().endsWith(".jar")).findFirst().orElseThrow();
            }
        }
        return jar;
    }

    private static Path localJar() throws IOException {
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            return jars.filter(file -> file.getFileName().toString().matches("nurture-app-.*-local\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No target/nurture-app-*-local.jar: the tests run after `package`"))
                    .toAbsolutePath();
        }
    }

    /** application-test.yaml, which the test profile reads. */
    private static Path testSettings() {
        return Path.of("target", "test-classes").toAbsolutePath();
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
