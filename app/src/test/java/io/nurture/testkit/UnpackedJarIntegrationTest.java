package io.nurture.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulation's long runs start the app from its jar unpacked, which its ahead-of-time cache needs. */
class UnpackedJarIntegrationTest {

    @TempDir
    Path target;

    @Test
    void theAppUnpacksOnceIntoAPlainClassPathThatANewBuildReplaces() throws IOException, InterruptedException {
        Path executable = Files.copy(appJar(), target.resolve("nurture-app-0.1.0-SNAPSHOT-local.jar"));

        UnpackedJar first = UnpackedJar.of(executable, 1);
        UnpackedJar again = UnpackedJar.of(executable, 1);

        assertThat(first.fresh()).isTrue();
        try (JarFile jar = new JarFile(first.jar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("io.nurture.NurtureApplication");
            assertThat(jar.getManifest().getMainAttributes().getValue("Class-Path"))
                    .contains("lib/nurture-workers-");
        }
        assertThat(first.jar().resolveSibling("lib")).isDirectory();
        assertThat(again).isEqualTo(new UnpackedJar(first.jar(), false));

        UnpackedJar rebuilt = UnpackedJar.of(executable, 2);

        assertThat(rebuilt.fresh()).isTrue();
        assertThat(rebuilt.jar()).exists();
        assertThat(first.jar().getParent()).as("the earlier build's unpacking").doesNotExist();
    }

    @Test
    void aLauncherThatUnpackedSecondTakesTheFirstOnesUnpacking() throws IOException {
        Path first = Files.createDirectories(target.resolve("nurture-app-unpacked-1"));
        Files.writeString(first.resolve("nurture-app.jar"), "the first launcher's");
        Path second = Files.createDirectories(target.resolve("scratch").resolve("app"));
        Files.writeString(second.resolve("nurture-app.jar"), "the second launcher's");

        boolean moved = UnpackedJar.moveInPlace(second, first);

        assertThat(moved).isFalse();
        assertThat(first.resolve("nurture-app.jar")).hasContent("the first launcher's");
    }

    private static Path appJar() throws IOException {
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            return jars.filter(p -> p.getFileName().toString().matches("nurture-app-.*-local\\.jar"))
                    .findFirst()
                    .orElseThrow();
        }
    }
}
