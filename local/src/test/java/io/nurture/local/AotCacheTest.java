package io.nurture.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTest {

    private static final int SIGTERM_EXIT = 143;
    private static final int SIGKILL_EXIT = 137;

    @TempDir
    Path home;

    @Test
    void theFirstStartTrainsTheCacheThatEveryLaterStartUses() throws IOException {
        AotCache cache = AotCache.beside(distribution(), "-Xmx256m", true);

        AotCache.Start first = trainedBy(cache, "trained", SIGTERM_EXIT);

        AotCache.Start later = cache.start();
        assertThat(later.training()).isNull();
        String used = later.options().get(0);
        assertThat(used).startsWith("-XX:AOTCache=");
        assertThat(Files.readString(Path.of(used.substring("-XX:AOTCache=".length()))))
                .isEqualTo("trained");
        assertThat(first.training()).doesNotExist();
    }

    @Test
    void whileOneBrokerTrainsTheCacheOthersStartWithoutTraining() throws IOException {
        AotCache first = AotCache.beside(distribution(), "-Xmx256m", true);
        AotCache second = AotCache.beside(distribution(), "-Xmx256m", true);
        AotCache.Start training = first.start();

        assertThat(second.start().options()).isEmpty();

        finish(first, training, "trained", 0);
        assertThat(second.start().options()).anyMatch(option -> option.startsWith("-XX:AOTCache="));
    }

    @Test
    void aClaimWhoseProcessIsGoneLapsesAndTheNextStartTrains() throws IOException, InterruptedException {
        AotCache first = AotCache.beside(distribution(), "-Xmx256m", true);
        first.start();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(claim(), gone.pid() + " 2026-01-01T00:00:00Z");

        assertThat(AotCache.beside(distribution(), "-Xmx256m", true).start().training())
                .isNotNull();
    }

    @Test
    void aClaimWhosePidIsNowAnotherProcesssLapses() throws IOException {
        AotCache first = AotCache.beside(distribution(), "-Xmx256m", true);
        first.start();
        Files.writeString(claim(), ProcessHandle.current().pid() + " 2026-01-01T00:00:00Z");

        assertThat(AotCache.beside(distribution(), "-Xmx256m", true).start().training())
                .isNotNull();
    }

    @Test
    void aClaimOfAProcessStillRunningHoldsHoweverLongItTrains() throws IOException {
        AotCache first = AotCache.beside(distribution(), "-Xmx256m", true);
        first.start();
        Files.setLastModifiedTime(claim(), FileTime.from(Instant.now().minus(Duration.ofHours(2))));

        assertThat(AotCache.beside(distribution(), "-Xmx256m", true).start().options())
                .isEmpty();
    }

    @Test
    void anotherClassPathStampGetsACacheOfItsOwn() throws IOException {
        Path target = target();
        trainedBy(AotCache.in(target, "nurture-app", "-Xmx512m", 1), "first build", 0);

        assertThat(AotCache.in(target, "nurture-app", "-Xmx512m", 1).start().training())
                .isNull();
        assertThat(AotCache.in(target, "nurture-app", "-Xmx512m", 2).start().training())
                .as("the app rebuilt")
                .isNotNull();
    }

    @Test
    void aNewBuildsCacheDeletesTheCachesOfEarlierBuilds() throws IOException {
        Path target = target();
        trainedBy(AotCache.in(target, "nurture-app", "-Xmx512m", 1), "first build", 0);
        Path broker = Files.writeString(target.resolve("camunda-zeebe-8.6.0-java25.aot"), "another JVM's");

        AotCache.in(target, "nurture-app", "-Xmx512m", 2).deleteOthers();

        assertThat(AotCache.in(target, "nurture-app", "-Xmx512m", 1).start().training())
                .as("trains again")
                .isNotNull();
        assertThat(broker).exists();
    }

    @Test
    void aBrokerKilledWhileTrainingLeavesNoCacheAndTheNextStartTrainsAgain() throws IOException {
        AotCache cache = AotCache.beside(distribution(), "-Xmx256m", true);

        AotCache.Start killed = trainedBy(cache, "half written", SIGKILL_EXIT);

        assertThat(killed.training()).doesNotExist();
        assertThat(cache.start().training()).as("trains again").isNotNull();
    }

    @Test
    void otherJvmOptionsGetACacheOfTheirOwn() throws IOException {
        trainedBy(AotCache.beside(distribution(), "-Xmx256m", true), "small heap", 0);

        assertThat(AotCache.beside(distribution(), "-Xmx512m", true).start().training())
                .isNotNull();
    }

    @Test
    void anotherSetOfJarsGetsACacheOfItsOwn() throws IOException {
        Path distribution = distribution();
        Path lib = Files.createDirectories(distribution.resolve("lib"));
        Files.writeString(lib.resolve("feel-engine-1.18.0.jar"), "");
        trainedBy(AotCache.beside(distribution, "-Xmx256m", true), "old jars", 0);

        Files.move(lib.resolve("feel-engine-1.18.0.jar"), lib.resolve("feel-engine-1.18.5.jar"));

        assertThat(AotCache.beside(distribution, "-Xmx256m", true).start().training())
                .isNotNull();
    }

    @Test
    void switchedOffOrWithoutADistributionTheBrokerStartsWithoutOne() throws IOException {
        assertThat(AotCache.beside(Files.createDirectories(home.resolve("camunda-zeebe-8.6.0")), "-Xmx256m", false)
                        .start()
                        .options())
                .isEmpty();
        assertThat(AotCache.beside(null, "-Xmx256m", true).start().options()).isEmpty();
    }

    /** A start that trains, writes {@code cache} as its cache and exits with {@code exitCode}. */
    private static AotCache.Start trainedBy(AotCache aotCache, String cache, int exitCode) throws IOException {
        AotCache.Start start = aotCache.start();
        finish(aotCache, start, cache, exitCode);
        return start;
    }

    private static void finish(AotCache aotCache, AotCache.Start start, String cache, int exitCode) throws IOException {
        Files.writeString(start.training(), cache);
        aotCache.exited(start, exitCode);
    }

    private Path claim() throws IOException {
        try (var files = Files.list(home)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".training-claim"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private Path target() throws IOException {
        assumeTrue(Runtime.version().feature() >= 25, "the ahead-of-time cache needs JDK 25");
        return Files.createDirectories(home.resolve("target"));
    }

    private Path distribution() throws IOException {
        assumeTrue(Runtime.version().feature() >= 25, "the ahead-of-time cache needs JDK 25");
        return Files.createDirectories(home.resolve("camunda-zeebe-8.6.0"));
    }
}
