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
 * Nurture's child processes (broker, database server): stopped gracefully, killed when they do not
 * stop in time. They outlive a Nurture that was killed without shutdown (kill -9, out of memory) and
 * keep holding their ports and data files; the next start on the same data directory ends these
 * orphans first, found by their pid file and recognised by command line.
 */
public final class ChildProcesses {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcesses.class);
    private static final Duration GRACE = Duration.ofSeconds(30);

    private ChildProcesses() {
    }

    /** SIGTERM, then SIGKILL if it has not ended within the grace period. */
    public static void stop(ProcessHandle process) {
        process.destroy();
        process.onExit().completeOnTimeout(null, GRACE.toSeconds(), TimeUnit.SECONDS).join();
        if (process.isAlive()) {
            LOG.warn("Process {} did not stop within {}; killing it", process.pid(), GRACE);
            process.destroyForcibly();
            process.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
        }
    }

    /** Ends the process named in pidFile if its command line still contains every marker. */
    public static void endOrphan(Path pidFile, String... markers) {
        orphan(pidFile, markers).ifPresent(orphan -> {
            LOG.warn("A process from an earlier run (pid {}, {}) is still running; stopping it", orphan.pid(), pidFile);
            stop(orphan);
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
