package io.nurture.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache's options on a real JVM: the first start's options make the JVM write a cache as it
 * exits, and the next start's make it map that cache (AOTMode=on turns a cache it cannot use into
 * a failed start instead of a line in its log).
 */
class AotCacheJvmTest {

    private static final String JVM_OPTIONS = "-Xmx64m";

    @TempDir
    Path home;

    @Test
    void aJvmTrainsTheCacheOnItsFirstStartAndTheNextStartUsesIt() throws Exception {
        assumeTrue(AotCache.supported(), "the ahead-of-time cache needs JDK 25");
        Path jar = greeterJar();
        AotCache cache = AotCache.in(home, "greeter", JVM_OPTIONS, jar.hashCode());

        AotCache.Start training = cache.start();
        Run first = run(training.options(), jar);
        cache.exited(training, first.exitCode());

        AotCache.Start later = cache.start();
        List<String> strict = new ArrayList<>(later.options());
        strict.add("-XX:AOTMode=on");
        Run second = run(strict, jar);
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(later.training())
                .as("a trained cache is used, not trained again")
                .isNull();
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("hello from the cache");
    }

    private record Run(int exitCode, String output) {}

    private Run run(List<String> cacheOptions, Path jar) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(JVM_OPTIONS);
        command.addAll(cacheOptions);
        command.addAll(List.of("-cp", jar.toString(), "Greeter"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    /** A cache is trained on jars only: one class, compiled here, in a jar of its own. */
    private Path greeterJar() throws IOException {
        Path source = Files.writeString(
                home.resolve("Greeter.java"),
                "public class Greeter { public static void main(String[] args) {"
                        + " System.out.println(String.join(\" \", java.util.List.of(\"hello\", \"from\", \"the\", \"cache\"))); } }");
        Path classes = Files.createDirectories(home.resolve("classes"));
        int compiled =
                ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString());
        assertThat(compiled).isZero();
        Path jar = home.resolve("greeter.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("Greeter.class"));
            Files.copy(classes.resolve("Greeter.class"), out);
            out.closeEntry();
        }
        return jar;
    }
}
