package io.nurture.broker;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's ahead-of-time cache (JDK 25 and later, JEP 483/514): classes loaded and linked, and
 * profiles, from an earlier start. A start that finds none trains one (slower, written when that
 * broker exits), unless another broker is training one; every later start uses it and boots in about
 * half the time and CPU (measured on 2 cores: 3.3 s and 4.5 s CPU instead of 7.1 s and 9.1 s). The
 * cache lies beside the distribution, one per JDK, broker JVM options and set of jars in its lib/
 * (the build replaces one: see app/pom.xml), which it must match; a
 * cache the JVM cannot use it ignores with an error line in the broker's log, and the broker starts
 * as without it (delete the file to train a new one).
 */
final class AotCache {

    private static final Logger LOG = LoggerFactory.getLogger(AotCache.class);
    private static final int FIRST_JDK = 25;
    private static final Duration CLAIM_LAPSES = Duration.ofMinutes(10);
    /** Classes it may not archive and stubs it relinks are warnings of no use to the broker's reader; errors still show. */
    private static final String QUIET = "-Xlog:aot*=error";

    private static final Start WITHOUT = new Start(List.of(), null);

    private final Path cache;

    private AotCache(Path cache) {
        this.cache = cache;
    }

    /**
     * One broker start's part: its JVM options, and the file it trains into, if it trains.
     *
     * @param training where this start writes the cache it trains; null when it uses one or none
     */
    record Start(List<String> options, Path training) {}

    /** None where it is switched off, the JDK has no such cache, or the distribution's directory is read-only. */
    static AotCache beside(Path distribution, String javaOptions, boolean enabled) {
        if (!enabled || distribution == null || Runtime.version().feature() < FIRST_JDK) {
            return new AotCache(null);
        }
        Path directory = distribution.toAbsolutePath().getParent();
        if (directory == null || !Files.isWritable(directory)) {
            return new AotCache(null);
        }
        String jdk = Runtime.version() + "-"
                + Integer.toHexString(System.getProperty("java.home").hashCode());
        String name = distribution.getFileName() + "-java" + jdk + "-"
                + Integer.toHexString(javaOptions.strip().hashCode()) + "-"
                + Integer.toHexString(jars(distribution).hashCode()) + ".aot";
        return new AotCache(directory.resolve(name.replace('+', '_')));
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

    /** The next start: it uses the cache, or trains one under a name of its own while no other broker does. */
    Start start() {
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

    /** The start's broker stops: a broker that trains writes the cache as it exits, which takes it a while longer. */
    static boolean trains(Start start) {
        return start != null && start.training() != null;
    }

    /**
     * The start's broker exited. A cache it trained becomes the one every start uses, but only from a
     * broker that ended as asked (SIGTERM) or by itself: one killed may have left it half written.
     */
    void exited(Start start, int exitCode) {
        if (!trains(start)) {
            return;
        }
        Path trained = start.training();
        try {
            boolean endedCleanly = exitCode == 0 || exitCode == 143;
            if (endedCleanly && Files.isRegularFile(trained) && Files.size(trained) > 0 && !Files.exists(cache)) {
                Files.move(trained, cache, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("Trained the local broker's ahead-of-time cache {}: later starts use it", cache);
            }
        } catch (IOException notWritten) {
            LOG.debug("No ahead-of-time cache from this broker ({}); a later start trains one", notWritten.toString());
        } finally {
            deleteTrainingFiles(trained.getFileName().toString());
            deleteQuietly(claim());
        }
    }

    /**
     * One broker trains at a time: training costs a start about twice the CPU, and brokers starting
     * together (a cluster, parallel tests) would each pay it for one cache. A claim left by a broker
     * that died while training lapses, and what it left behind goes with it.
     */
    private boolean claimTraining() {
        Path claim = claim();
        try {
            if (Files.exists(claim)
                    && Files.getLastModifiedTime(claim)
                            .toInstant()
                            .isBefore(Instant.now().minus(CLAIM_LAPSES))) {
                Files.deleteIfExists(claim);
                deleteTrainingFiles(cache.getFileName() + ".");
            }
            Files.createFile(claim);
            return true;
        } catch (IOException takenOrUnwritable) {
            return false;
        }
    }

    private Path claim() {
        return cache.resolveSibling(cache.getFileName() + ".training-claim");
    }

    /** The training output and the JVM's own files beside it (its configuration, written for the cache's assembly). */
    private void deleteTrainingFiles(String prefix) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(
                cache.getParent(),
                file -> file.getFileName().toString().startsWith(prefix)
                        && file.getFileName().toString().contains(".training"))) {
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
