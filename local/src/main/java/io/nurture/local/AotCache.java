package io.nurture.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM's ahead-of-time cache (JDK 25 and later, JEP 483/514/515): classes loaded and linked, and
 * method profiles, from an earlier run. A start that finds none trains one (written when that JVM
 * exits), unless another JVM is training it; every later start uses it. The local broker boots in
 * about half the time and CPU (measured on 2 cores: 3.3 s and 4.5 s CPU instead of 7.1 s and 9.1 s);
 * the simulation's app also reaches compiled code sooner (docs/performance.md). A cache must match
 * the JDK, the JVM options and the jars it was trained with, so its file is named by them; a cache
 * the JVM cannot use it ignores with an error line in its log, and starts as without it (delete the
 * file to train a new one).
 */
public final class AotCache {

    private static final Logger LOG = LoggerFactory.getLogger(AotCache.class);
    private static final int FIRST_JDK = 25;
    /** A claim that names no process lapses after this. */
    private static final Duration CLAIM_LAPSES = Duration.ofMinutes(10);
    /** Classes it may not archive and stubs it relinks are warnings of no use to the log's reader; errors still show. */
    private static final String QUIET = "-Xlog:aot*=error";

    private static final Start WITHOUT = new Start(List.of(), null);

    private final Path cache;
    private final String name;

    private AotCache(Path cache, String name) {
        this.cache = cache;
        this.name = name;
    }

    /** No cache: every start runs without one. */
    public static AotCache none() {
        return new AotCache(null, null);
    }

    /** Whether this JDK has such caches (25 and later). */
    public static boolean supported() {
        return Runtime.version().feature() >= FIRST_JDK;
    }

    /**
     * One start's part: its JVM options, and the file it trains into, if it trains.
     *
     * @param training where this start writes the cache it trains; null when it uses one or none
     */
    public record Start(List<String> options, Path training) {}

    /**
     * The broker's, beside its distribution, one per JDK, broker JVM options and set of jars in its
     * lib/ (the build replaces one: see app/pom.xml). None where it is switched off, the JDK has no
     * such cache, or the distribution's directory is read-only.
     */
    public static AotCache beside(Path distribution, String javaOptions, boolean enabled) {
        if (!enabled || distribution == null) {
            return none();
        }
        return in(
                distribution.toAbsolutePath().getParent(),
                distribution.getFileName().toString(),
                javaOptions,
                jars(distribution).hashCode());
    }

    /**
     * One in {@code directory} for a JVM started with {@code javaOptions} on a class path that
     * {@code classPathStamp} tells apart from any other (its jars' names, sizes or times): one per
     * JDK, options and stamp. None where the JDK has no such cache or the directory is read-only.
     */
    public static AotCache in(Path directory, String name, String javaOptions, int classPathStamp) {
        if (!supported() || directory == null || !Files.isWritable(directory)) {
            return none();
        }
        String jdk = Runtime.version() + "-"
                + Integer.toHexString(System.getProperty("java.home").hashCode());
        String file = name + "-java" + jdk + "-"
                + Integer.toHexString(javaOptions.strip().hashCode()) + "-"
                + Integer.toHexString(classPathStamp) + ".aot";
        return new AotCache(directory.resolve(file.replace('+', '_')), name);
    }

    /**
     * The class path's jars by name: a cache trained on other jars does not match the class path, and
     * the JVM would ignore it on every start without training a new one.
     */
    private static List<String> jars(Path distribution) {
        try (Stream<Path> jars = Files.list(distribution.resolve("lib"))) {
            return jars.map(jar -> jar.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The next start: it uses the cache, or trains one under a name of its own while no other JVM does. */
    public Start start() {
        if (cache == null) {
            return WITHOUT;
        }
        if (Files.isRegularFile(cache)) {
            return new Start(List.of("-XX:AOTCache=" + cache, QUIET), null);
        }
        if (!claimTraining()) {
            return WITHOUT;
        }
        Path training = cache.resolveSibling(cache.getFileName() + "." + UUID.randomUUID() + ".training");
        return new Start(List.of("-XX:AOTCacheOutput=" + training, QUIET), training);
    }

    /**
     * Deletes the caches of the same name trained for another JDK, other options or another class
     * path (a JVM that still uses one keeps its mapping): each is some 200 MB, and a new build of
     * the jars they were trained on makes them useless.
     */
    public void deleteOthers() {
        if (cache != null) {
            deleteWhere(file -> file.getFileName().toString().startsWith(name + "-java")
                    && file.getFileName().toString().endsWith(".aot")
                    && !file.equals(cache));
        }
    }

    /** The start's JVM stops: one that trains writes the cache as it exits, which takes it a while longer. */
    public static boolean trains(Start start) {
        return start != null && start.training() != null;
    }

    /**
     * The start's JVM exited. A cache it trained becomes the one every start uses, but only from a
     * JVM that ended as asked (SIGTERM) or by itself: one killed may have left it half written.
     */
    public void exited(Start start, int exitCode) {
        if (!trains(start)) {
            return;
        }
        Path trained = start.training();
        try {
            boolean endedCleanly = exitCode == 0 || exitCode == 143;
            if (endedCleanly && Files.isRegularFile(trained) && Files.size(trained) > 0 && !Files.exists(cache)) {
                Files.move(trained, cache, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("Trained the ahead-of-time cache {}: later starts use it", cache);
            }
        } catch (IOException notWritten) {
            LOG.debug("No ahead-of-time cache from this JVM ({}); a later start trains one", notWritten.toString());
        } finally {
            deleteTrainingFiles(trained.getFileName().toString());
            deleteQuietly(claim());
        }
    }

    /**
     * One JVM trains at a time: training costs a start about twice the CPU, and JVMs starting
     * together (a cluster, parallel tests) would each pay it for one cache. The claim names the
     * process that made it (its pid and when it started: a pid alone may be another process's by
     * now, in a container even the same number every run), whose exited() call takes it back. It
     * lapses once that process is gone (it died while its JVM trained), and what the training left
     * behind goes with it: a training JVM may run for as long as the simulation it serves, so no age
     * alone can tell.
     */
    private boolean claimTraining() {
        Path claim = claim();
        try {
            if (Files.exists(claim) && lapsed(claim)) {
                Files.deleteIfExists(claim);
                deleteTrainingFiles(cache.getFileName() + ".");
            }
            Files.writeString(claim, claimant(ProcessHandle.current()), StandardOpenOption.CREATE_NEW);
            return true;
        } catch (IOException takenOrUnwritable) {
            return false;
        }
    }

    private static String claimant(ProcessHandle process) {
        return process.pid() + " "
                + process.info().startInstant().map(Instant::toString).orElse("");
    }

    private static boolean lapsed(Path claim) throws IOException {
        String claimant;
        try {
            claimant = Files.readString(claim).strip();
        } catch (NoSuchFileException takenBack) {
            return false;
        }
        try {
            long pid = Long.parseLong(claimant.split(" ", 2)[0]);
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .map(process -> !claimant(process).equals(claimant))
                    .orElse(true);
        } catch (NumberFormatException notYetWrittenOrOld) {
            return Files.getLastModifiedTime(claim)
                    .toInstant()
                    .isBefore(Instant.now().minus(CLAIM_LAPSES));
        }
    }

    private Path claim() {
        return cache.resolveSibling(cache.getFileName() + ".training-claim");
    }

    /** The training output and the JVM's own files beside it (its configuration, written for the cache's assembly). */
    private void deleteTrainingFiles(String prefix) {
        deleteWhere(file -> file.getFileName().toString().startsWith(prefix)
                && file.getFileName().toString().contains(".training"));
    }

    /** The files beside the cache that {@code which} picks. */
    private void deleteWhere(DirectoryStream.Filter<Path> which) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(cache.getParent(), which)) {
            files.forEach(AotCache::deleteQuietly);
        } catch (IOException e) {
            LOG.debug("Could not list {}", cache.getParent(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Could not delete {}", file, e);
        }
    }
}
