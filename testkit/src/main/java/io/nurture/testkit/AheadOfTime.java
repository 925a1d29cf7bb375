package io.nurture.testkit;

import io.nurture.broker.AotCache;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's start from an ahead-of-time cache ({@link AotCache}, JDK 25 and later). Such a cache
 * serves only a class path of plain jars: a Spring Boot jar is extracted once (its nested jars
 * cost a start about 7 s of CPU besides), and the directories of a test's class path are packed into
 * jars once per content. On 2 cores an app start then takes about 6.5 s of CPU instead of 12.4 s
 * (class path) or 19.2 s (Spring Boot jar); the first start trains the cache, which costs it about
 * 10 s of CPU as it exits. Everything lives in one directory, e.g. {@code target/aot}.
 */
final class AheadOfTime {

    private static final Logger LOG = LoggerFactory.getLogger(AheadOfTime.class);
    private static final int FIRST_JDK = 25;

    private final List<String> main;
    private final AotCache cache;

    private AheadOfTime(List<String> main, AotCache cache) {
        this.main = main;
        this.cache = cache;
    }

    /** A start without a cache, as the main says. */
    static AheadOfTime none(List<String> main) {
        return new AheadOfTime(main, null);
    }

    /**
     * @param main       {@code -jar <jar>} or {@code -cp <class path> <main class>}
     * @param jvmOptions the start's JVM options: the cache serves only starts with the same ones
     *     (system properties aside, which it does not depend on)
     */
    static AheadOfTime in(Path directory, List<String> main, List<String> jvmOptions) {
        if (Runtime.version().feature() < FIRST_JDK) {
            return none(main);
        }
        try {
            Files.createDirectories(directory);
            List<String> runnable = main.get(0).equals("-jar")
                    ? List.of("-jar", extracted(Path.of(main.get(1)), directory).toString())
                    : List.of("-cp", packed(main.get(1), directory), main.get(2));
            List<String> key = new ArrayList<>(jvmOptions.stream()
                    .filter(option -> !option.startsWith("-D"))
                    .toList());
            key.addAll(runnable);
            return new AheadOfTime(
                    runnable, AotCache.beside(directory.resolve("nurture-app"), String.join(" ", key), true));
        } catch (IOException | UncheckedIOException notPrepared) {
            LOG.warn("Starting without an ahead-of-time cache: {}", notPrepared.toString());
            return none(main);
        }
    }

    /** What to run: the jar extracted, or the class path with its directories packed. */
    List<String> main() {
        return main;
    }

    /** This start's cache options, none where there is no cache. */
    AotCache.Start start() {
        return cache == null ? new AotCache.Start(List.of(), null) : cache.start();
    }

    void exited(AotCache.Start start, int exitCode) {
        if (cache != null) {
            cache.exited(start, exitCode);
        }
    }

    /** A Spring Boot jar extracted as its tools do it, once per jar built (its path, size and time). */
    private static Path extracted(Path jar, Path directory) throws IOException {
        Path target = directory.resolve("extracted-"
                + digest(jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar)));
        Path runnable = target.resolve(jar.getFileName());
        if (Files.isRegularFile(runnable)) {
            return runnable;
        }
        Path scratch = directory.resolve("extracting-" + UUID.randomUUID());
        Process extract = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Djarmode=tools",
                        "-jar",
                        jar.toString(),
                        "extract",
                        "--destination",
                        scratch.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (extract.waitFor() != 0) {
                throw new IOException("Could not extract " + jar + " (exit " + extract.exitValue() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while extracting " + jar, e);
        }
        settle(scratch, target);
        return runnable;
    }

    /** The class path with each directory replaced by a jar of its content, packed once per content. */
    private static String packed(String classpath, Path directory) throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            entries.add(Files.isDirectory(path) ? jarOf(path, directory).toString() : entry);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Path jarOf(Path classes, Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        StringBuilder content = new StringBuilder(classes.toAbsolutePath().toString());
        for (Path file : files) {
            content.append('|')
                    .append(classes.relativize(file))
                    .append(':')
                    .append(Files.size(file))
                    .append(':')
                    .append(Files.getLastModifiedTime(file).toMillis());
        }
        Path jar = directory.resolve(classes.getFileName() + "-" + digest(content.toString()) + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Path scratch = directory.resolve("packing-" + UUID.randomUUID() + ".jar");
        // With its directories as entries: Spring's class path scanning finds no package in a jar without them.
        Set<String> packages = new HashSet<>();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(scratch))) {
            for (Path file : files) {
                String name = classes.relativize(file).toString().replace(File.separatorChar, '/');
                for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                    if (packages.add(name.substring(0, slash + 1))) {
                        out.putNextEntry(new JarEntry(name.substring(0, slash + 1)));
                        out.closeEntry();
                    }
                }
                out.putNextEntry(new JarEntry(name));
                Files.copy(file, (OutputStream) out);
                out.closeEntry();
            }
        }
        settle(scratch, jar);
        return jar;
    }

    /** Moves what was prepared into place; one prepared at the same time by another start wins. */
    private static void settle(Path scratch, Path target) throws IOException {
        try {
            Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException alreadyThere) {
            deleteRecursively(scratch);
        } catch (IOException notEmpty) {
            if (!Files.exists(target)) {
                throw notEmpty;
            }
            deleteRecursively(scratch);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path each :
                    walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(each);
            }
        }
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
