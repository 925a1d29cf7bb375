package io.nurture.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time a process has used so far (user + system, from /proc; Linux only, 0 elsewhere): the
 * machine's cores are shared by the app, its broker and its database, so where the CPU goes per
 * order says what limits throughput.
 */
final class CpuTime {

    private static final double TICKS_PER_SECOND = 100.0;

    private CpuTime() {}

    static double seconds(long pid) {
        return secondsIn(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** What the JVM's JIT compiler threads (named "C1 CompilerThread0", …) have used so far. */
    static double compilerSeconds(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return threads.filter(CpuTime::isCompiler)
                    .mapToDouble(thread -> secondsIn(thread.resolve("stat")))
                    .sum();
        } catch (IOException | RuntimeException unavailable) {
            return 0;
        }
    }

    private static boolean isCompiler(Path thread) {
        try {
            return Files.readString(thread.resolve("comm")).matches("(?s)C[12] CompilerThre.*");
        } catch (IOException ended) {
            return false;
        }
    }

    private static double secondsIn(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException unavailable) {
            return 0;
        }
    }

    static long pidIn(Path pidFile) {
        try {
            return Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException missing) {
            return -1;
        }
    }
}
