package io.nurture.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's ahead-of-time cache (JDK 25 and later, JEP 483/514): classes loaded and linked, and
 * profiles, from an earlier start. A start that finds none trains one (slower, written when that
 * broker exits), unless another broker is training one; every later start uses it and boots in about half the time and CPU (measured
 * on 2 cores: 3.3 s and 4.5 s CPU instead of 7.1 s and 9.1 s). The cache lies beside the
 * distribution, one per JDK and broker JVM options, which it must match; a cache the JVM cannot use
 * it ignores with a warning, and the broker starts as without it.
 */
final class AotCache {

    private static final Logger LOG = LoggerFactory.getLogger(AotCache.class);
    private static final int FIRST_JDK = 25;
    private static final Duration CLAIM_LAPSES = Duration.ofMinutes(10);

    private final Path cache;
    private Path training;

    private AotCache(Path cache) {
        this.cache = cache;
    }

    /** None where the JDK has no such cache, it is switched off, or the distribution's directory is read-only. */
    static AotCache beside(Path distribution, String javaOptions, boolean enabled) {
        Path directory = distribution.toAbsolutePath().getParent();
        if (!enabled || Runtime.version().feature() < FIRST_JDK || directory == null || !Files.isWritable(directory)) {
            return new AotCache(null);
        }
        String name = distribution.getFileName() + "-java" + Runtime.version() + "-"
                + Integer.toHexString(javaOptions.strip().hashCode()) + ".aot";
        return new AotCache(directory.resolve(name.replace('+', '_')));
    }

    /** The JVM options of the next start: use the cache, or train one under a name of its own. */
    synchronized List<String> options() {
        if (cache == null) {
            return List.of();
        }
        // Classes it may not archive and stubs it relinks are warnings of no use to the broker's reader; errors still show.
        String quiet = "-Xlog:aot*=error";
        if (Files.isRegularFile(cache)) {
            return List.of("-XX:AOTCache=" + cache, quiet);
        }
        if (!claimTraining()) {
            return List.of();
        }
        training = cache.resolveSibling(cache.getFileName() + "." + UUID.randomUUID() + ".training");
        return List.of("-XX:AOTCacheOutput=" + training, quiet);
    }

    /**
     * One broker trains at a time: training costs a start about twice the CPU, and brokers starting
     * together (a cluster, parallel tests) would each pay it for one cache. A claim left by a broker
     * that died while training lapses.
     */
    private boolean claimTraining() {
        Path claim = claim();
        try {
            if (Files.exists(claim) && Files.getLastModifiedTime(claim).toInstant().isBefore(Instant.now().minus(CLAIM_LAPSES))) {
                Files.deleteIfExists(claim);
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

    /** The running broker trains the cache: it writes it as it exits, which takes it a while longer. */
    synchronized boolean training() {
        return training != null;
    }

    /**
     * The broker exited: a cache it trained becomes the one every start uses. Brokers that trained at
     * the same time each wrote their own file; the first to finish is kept.
     */
    synchronized void brokerExited() {
        if (training == null) {
            return;
        }
        Path trained = training;
        training = null;
        try {
            if (Files.size(trained) > 0 && !Files.exists(cache)) {
                Files.move(trained, cache, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("Trained the local broker's ahead-of-time cache {}: later starts use it", cache);
            }
        } catch (IOException notWritten) {
            LOG.debug("No ahead-of-time cache from this broker ({}); a later start trains one", notWritten.toString());
        } finally {
            try {
                Files.deleteIfExists(claim());
                Files.deleteIfExists(trained);
            } catch (IOException e) {
                LOG.debug("Could not delete {}", trained, e);
            }
        }
    }
}
