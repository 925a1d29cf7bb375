package io.nurture.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nurture's child processes (broker, database server) outlive a Nurture that was killed without
 * shutdown (kill -9, out of memory) and keep holding their ports and data files. The next start on
 * the same data directory ends them first, found by their pid file and recognised by command line.
 */
public final class Orphans {

    private static final Logger LOG = LoggerFactory.getLogger(Orphans.class);
    private static final Duration GRACE = Duration.ofSeconds(30);

    private Orphans() {
    }

    /** Ends the process named in pidFile if its command line still contains every marker. */
    public static void end(Path pidFile, String... markers) {
        orphan(pidFile, markers).ifPresent(orphan -> {
            LOG.warn("A process from an earlier run (pid {}, {}) is still running; stopping it", orphan.pid(), pidFile);
            orphan.destroy();
            orphan.onExit().completeOnTimeout(null, GRACE.toSeconds(), TimeUnit.SECONDS).join();
            if (orphan.isAlive()) {
                orphan.destroyForcibly();
                orphan.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
            }
        });
    }

    private static Optional<ProcessHandle> orphan(Path pidFile, String... markers) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().commandLine().filter(line -> containsAll(line, markers)).isPresent());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean containsAll(String commandLine, String... markers) {
        for (String marker : markers) {
            if (!commandLine.contains(marker)) {
                return false;
            }
        }
        return true;
    }
}
