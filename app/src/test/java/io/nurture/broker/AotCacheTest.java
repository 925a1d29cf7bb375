package io.nurture.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTest {

    @TempDir
    Path home;

    @Test
    void theFirstStartTrainsTheCacheThatEveryLaterStartUses() throws IOException {
        AotCache cache = AotCache.beside(distribution(), "-Xmx256m", true);

        Path training = trainingFile(cache.options());
        Files.writeString(training, "trained");
        cache.brokerExited();

        List<String> later = cache.options();
        assertThat(later).anyMatch(option -> option.startsWith("-XX:AOTCache=" + home));
        assertThat(Files.readString(Path.of(later.get(0).substring("-XX:AOTCache=".length())))).isEqualTo("trained");
        assertThat(training).doesNotExist();
    }

    @Test
    void whileOneBrokerTrainsTheCacheOthersStartWithoutTraining() throws IOException {
        AotCache first = AotCache.beside(distribution(), "-Xmx256m", true);
        AotCache second = AotCache.beside(distribution(), "-Xmx256m", true);
        Path training = trainingFile(first.options());

        assertThat(second.options()).isEmpty();

        Files.writeString(training, "trained");
        first.brokerExited();
        assertThat(second.options()).anyMatch(option -> option.startsWith("-XX:AOTCache="));
    }

    @Test
    void aBrokerKilledBeforeWritingItsCacheLeavesTheNextStartToTrainAgain() throws IOException {
        AotCache cache = AotCache.beside(distribution(), "-Xmx256m", true);
        cache.options();

        cache.brokerExited();

        assertThat(cache.options()).anyMatch(option -> option.startsWith("-XX:AOTCacheOutput="));
    }

    @Test
    void otherJvmOptionsGetACacheOfTheirOwn() throws IOException {
        AotCache small = AotCache.beside(distribution(), "-Xmx256m", true);
        Files.writeString(trainingFile(small.options()), "small heap");
        small.brokerExited();

        assertThat(AotCache.beside(distribution(), "-Xmx512m", true).options()).anyMatch(option -> option.startsWith("-XX:AOTCacheOutput="));
    }

    @Test
    void switchedOffTheBrokerStartsWithoutOne() throws IOException {
        assertThat(AotCache.beside(Files.createDirectories(home.resolve("camunda-zeebe-8.6.0")), "-Xmx256m", false).options()).isEmpty();
    }

    private Path distribution() throws IOException {
        assumeTrue(Runtime.version().feature() >= 25, "the ahead-of-time cache needs JDK 25");
        return Files.createDirectories(home.resolve("camunda-zeebe-8.6.0"));
    }

    private static Path trainingFile(List<String> options) {
        String output = options.stream().filter(option -> option.startsWith("-XX:AOTCacheOutput=")).findFirst().orElseThrow();
        return Path.of(output.substring("-XX:AOTCacheOutput=".length()));
    }
}
