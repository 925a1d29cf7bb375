package io.nurture.testkit;

import io.nurture.local.ChildProcesses;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Nurture in a JVM of its own, started as a user starts it (from its jar, or from a classpath with
 * its main class) and waited for while its start makes progress: the one launcher of the app's
 * tests, the benchmark and the simulation.
 */
public final class NurtureProcess implements AutoCloseable {

    /** A start is waited for while the app's log grows (a busy machine); one that stands still this long failed. */
    private static final Duration STALL = Duration.ofMinutes(1);
    /** Bound of a graceful stop: the broker that trains its ahead-of-time cache writes it as it stops. */
    private static final Duration STOP = Duration.ofMinutes(3);

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread stopWithLauncher;

    private NurtureProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.stopWithLauncher = new Thread(this::stopQuietly, "stop-nurture-" + process.pid());
    }

    /**
     * Until the app ends, a launcher that is stopped (SIGTERM to its JVM alone, as an IDE's stop button
     * or {@code kill} sends it, or a {@code System.exit}) stops the app first: the app then stops the
     * database server and broker it started. Before, they outlived a killed simulation's Maven JVM and
     * competed with the next run. Only SIGKILL of the launcher leaves them behind.
     */
    private void stopWhenLauncherStops() {
        Runtime.getRuntime().addShutdownHook(stopWithLauncher);
        process.onExit().thenRun(() -> {
            try {
                Runtime.getRuntime().removeShutdownHook(stopWithLauncher);
            } catch (IllegalStateException launcherStopping) {
                // The hook runs or has run; nothing to take back.
            }
        });
    }

    private void stopQuietly() {
        try {
            close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Nurture's runnable jar, as the README runs it. */
    public static Launch jar(Path jar) {
        return new Launch(List.of("-jar", jar.toString()));
    }

    /** A main class on a classpath, e.g. the test JVM's own: what the tests changed is what runs. */
    public static Launch classpath(String classpath, String mainClass) {
        return new Launch(List.of("-cp", classpath, mainClass));
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public NurtureClient client(String apiKey) {
        return new NurtureClient(port, apiKey);
    }

    public long pid() {
        return process.pid();
    }

    /** The app's own log (its stdout and stderr). */
    public Path log() {
        return log;
    }

    /** How the app ended (143 after SIGTERM); -1 while it runs. */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** SIGTERM to the app alone; answers whether it ended within the bound. */
    public boolean terminate(Duration bound) throws InterruptedException {
        process.destroy();
        return process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * SIGTERM to the app's whole process group, as Ctrl-C in a terminal or a service manager's stop
     * sends it; answers whether it ended within the bound.
     */
    public boolean terminateGroup(Duration bound) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-TERM", "--", "-" + process.pid())
                .inheritIO()
                .start()
                .waitFor();
        return process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** SIGKILL: the app gets no chance to finish anything (its database server and broker stay behind). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(1, TimeUnit.MINUTES);
    }

    /**
     * Ends the app gracefully if it still runs, so it also stops its database server and broker. An
     * app that does not end in time leaves its threads in its log, for the cause, and is killed with
     * everything it started: killed alone, its broker and database server would outlive the test.
     */
    @Override
    public void close() throws InterruptedException {
        if (terminate(STOP)) {
            return;
        }
        System.err.println("Nurture (pid " + pid() + ") did not stop within " + STOP
                + "; its threads are at the end of " + log + "; killing it and its child processes");
        dumpThreads();
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(1, TimeUnit.MINUTES);
    }

    /** SIGQUIT: the JVM prints its threads to its standard output, which is the log. */
    private void dumpThreads() throws InterruptedException {
        try {
            new ProcessBuilder("kill", "-QUIT", Long.toString(pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            Thread.sleep(Duration.ofSeconds(2));
        } catch (IOException e) {
            System.err.println("No thread dump: " + e.getMessage());
        }
    }

    /** How to start one: its JVM options, its settings, where it logs and when it counts as started. */
    public static final class Launch {

        private final List<String> main;
        private final List<String> jvmOptions = new ArrayList<>();
        private final Map<String, Object> settings = new LinkedHashMap<>();
        private final List<String> arguments = new ArrayList<>();
        private String readiness = "/actuator/health/readiness";
        private int readyStatus = 200;
        private boolean ownSession;

        private Launch(List<String> main) {
            this.main = main;
        }

        public Launch jvmOptions(List<String> options) {
            jvmOptions.addAll(options);
            return this;
        }

        /** Arguments as a user gives them, e.g. {@code --key=value}. */
        public Launch arguments(List<String> more) {
            arguments.addAll(more);
            return this;
        }

        /** Settings as {@code --key=value} arguments, which win over every other source. */
        public Launch settings(Map<String, ?> more) {
            settings.putAll(more);
            return this;
        }

        /** Started once the path answers this status, e.g. 503 from health for an app whose engine is out of reach. */
        public Launch readyWhen(String path, int status) {
            readiness = path;
            readyStatus = status;
            return this;
        }

        /** A session of its own, as a terminal or service manager gives it: a signal to its group reaches it and nothing else. */
        public Launch inOwnSession() {
            ownSession = true;
            return this;
        }

        /** Starts it on the port (its {@code server.port}) and waits until it answers as started. */
        public NurtureProcess start(int port, Path log) throws IOException {
            List<String> command = new ArrayList<>(
                    List.of(ProcessHandle.current().info().command().orElse("java")));
            command.addAll(jvmOptions);
            command.addAll(main);
            command.add("--server.port=" + port);
            settings.forEach((key, value) -> command.add("--" + key + "=" + value));
            command.addAll(arguments);
            Process process = new ProcessBuilder(ownSession ? ChildProcesses.inOwnSession(command) : command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            NurtureProcess app = new NurtureProcess(process, port, log);
            app.stopWhenLauncherStops();
            ChildProcesses.awaitReady("Nurture", process, log, STALL, () -> answers(app));
            return app;
        }

        private boolean answers(NurtureProcess app) {
            try {
                return app.client(null).get(readiness).status() == readyStatus;
            } catch (RuntimeException notYetListening) {
                return false;
            }
        }
    }
}
