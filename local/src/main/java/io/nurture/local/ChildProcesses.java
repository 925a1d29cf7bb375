package io.nurture.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nurture's child processes (broker, database server): stopped gracefully, killed when they do not
 * stop in time. They outlive a Nurture that was killed without shutdown (kill -9, out of memory) and
 * keep holding their ports and data files; the next start on the same data directory ends these
 * orphans first, found by their pid file and recognised by command line.
 *
 * <p>They run in a session of their own, so a signal meant for Nurture (Ctrl-C in a terminal, a
 * stop that signals the whole process group) reaches Nurture alone, which then stops them in order.
 */
public final class ChildProcesses {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcesses.class);
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final int TAIL_LINES = 25;
    /** CPU time that counts as progress of a start whose log stands still. */
    private static final Duration WORK = Duration.ofSeconds(2);

    private ChildProcesses() {}

    /**
     * The command, run in a new session where the system can (setsid, which keeps the pid: the
     * child is not a group leader, so setsid execs instead of forking).
     */
    public static List<String> inOwnSession(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            LOG.warn(
                    "{} not found: {} shares Nurture's process group and gets the signals meant for Nurture",
                    SETSID,
                    command.get(0));
            return command;
        }
        List<String> wrapped = new ArrayList<>(command.size() + 1);
        wrapped.add(SETSID.toString());
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * Waits for a starting child to become ready for as long as it makes progress: its log grows, or
     * it (with its own children) keeps working, {@link #WORK} of CPU time at least per stall period.
     * A busy machine slows a start down but does not fail it, while a child that died, or stood
     * still for {@code stall}, fails the start at once, with the end of its log.
     */
    public static void awaitReady(String name, Process process, Path log, Duration stall, BooleanSupplier ready) {
        long lastSize = size(log);
        Duration lastCpu = cpu(process.toHandle());
        long lastProgress = System.nanoTime();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with code " + process.exitValue() + " while starting;" + excerpt(log));
            }
            long size = size(log);
            Duration cpu = cpu(process.toHandle());
            if (size != lastSize || cpu.minus(lastCpu).compareTo(WORK) >= 0) {
                lastSize = size;
                lastCpu = cpu;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > stall.toNanos()) {
                stop(process.toHandle());
                throw new IllegalStateException(name + " made no progress for " + stall + " while starting (its log"
                        + " stood still and it hardly worked);" + excerpt(log));
            }
            pause(Duration.ofMillis(200));
        }
    }

    private static Duration cpu(ProcessHandle process) {
        Duration own = process.info().totalCpuDuration().orElse(Duration.ZERO);
        return process.descendants()
                .map(child -> child.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(own, Duration::plus);
    }

    /** The last lines of a log, for an error message. */
    public static String tail(Path log) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(0, file.length() - 8192);
            byte[] bytes = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(bytes);
            List<String> lines =
                    new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(" + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * The end of the log, after its first error when the end does not show it: a start that failed
     * early (a full disk, a taken port) often logs pages of consequences after its cause.
     */
    private static String excerpt(Path log) {
        String tail = tail(log);
        return firstErrorOutside(log, tail) + " the end of its log " + log + ":\n" + tail;
    }

    private static String firstErrorOutside(Path log, String tail) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(ChildProcesses::isError)
                    .findFirst()
                    .filter(error -> !tail.contains(error))
                    .map(error -> " its first error: " + error + ";")
                    .orElse("");
        } catch (IOException | UncheckedIOException unreadable) {
            return "";
        }
    }

    private static boolean isError(String line) {
        return line.contains(" ERROR ")
                || line.contains("[ERROR]")
                || line.contains("[error]")
                || line.startsWith("Exception")
                || line.contains("Error:");
    }

    /** The file's size; -1 while it does not exist. */
    static long size(Path log) {
        try {
            return Files.size(log);
        } catch (IOException e) {
            return -1;
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a child process to start", e);
        }
    }

    /** SIGTERM, then SIGKILL if it has not ended within the grace period. */
    public static void stop(ProcessHandle process) {
        stop(process, GRACE);
    }

    /** SIGTERM, then SIGKILL if it has not ended within {@code grace}. */
    public static void stop(ProcessHandle process, Duration grace) {
        process.destroy();
        process.onExit()
                .completeOnTimeout(null, grace.toSeconds(), TimeUnit.SECONDS)
                .join();
        if (process.isAlive()) {
            LOG.warn("Process {} did not stop within {}; killing it", process.pid(), grace);
            // Its own children too (a JVM writing its ahead-of-time cache runs one), or they outlive it.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
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
                    .filter(handle -> handle.info()
                            .commandLine()
                            .filter(line -> containsAll(line, markers))
                            .isPresent());
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
