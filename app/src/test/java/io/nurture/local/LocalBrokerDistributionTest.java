package io.nurture.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.testing.TestBrokers;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The broker local mode runs: Camunda's distribution as the build unpacked it, its FEEL engine replaced (docs/modes.md). */
class LocalBrokerDistributionTest {

    @Test
    void theBrokersClassPathHoldsOneFeelEngineThatKeepsItsBuiltInFunctions() throws Exception {
        List<Path> jars = jars(TestBrokers.distribution().resolve("lib"));

        assertThat(jars)
                .filteredOn(jar -> jar.getFileName().toString().startsWith("feel-engine-"))
                .hasSize(1);
        try (URLClassLoader classPath = new URLClassLoader(urls(jars), ClassLoader.getPlatformClassLoader())) {
            Class<?> engine = Class.forName("org.camunda.feel.FeelEngine", false, classPath);
            // 1.18.0 has only a method of this name, which builds the built-in functions on every call.
            assertThat(engine.getDeclaredField("rootContext")).isNotNull();
        }
    }

    private static List<Path> jars(Path lib) throws IOException {
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.toList();
        }
    }

    private static URL[] urls(List<Path> jars) throws MalformedURLException {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = jars.get(i).toUri().toURL();
        }
        return urls;
    }
}
