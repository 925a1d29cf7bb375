package io.nurture.broker;

import io.nurture.clock.EngineProgress;
import io.nurture.local.AotCache;
import io.nurture.local.ChildProcesses;
import io.nurture.local.DataDirectory;
import io.nurture.local.FreePorts;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Zeebe broker from Camunda's distribution, run as a child process that Nurture starts, watches,
 * restarts after a crash and stops. Its state (RocksDB, snapshots, log) lives in Nurture's data
 * directory, so it survives restarts of Nurture and of the broker.
 */
public final class LocalBroker {

    static final String MAIN_CLASS = "io.camunda.application.StandaloneBroker";
    private static final Logger LOG = LoggerFactory.getLogger(LocalBroker.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration STABLE_AFTER = Duration.ofMinutes(1);
    private static final Duration STOP = Duration.ofSeconds(30);
    /** Writing its ahead-of-time cache as it exits took a broker 20 s on an idle machine. */
    private static final Duration TRAINING_STOP = Duration.ofMinutes(2);
    /** The app's own Spring and Camunda settings must not leak into the broker's Spring Boot. */
    private static final List<String> APP_ENVIRONMENT = List.of(
            "SPRING_",
            "SERVER_",
            "MANAGEMENT_",
            "CAMUNDA_",
            "ZEEBE_",
            "NURTURE_",
            "LOGGING_",
            "JAVA_TOOL_OPTIONS",
            "JDK_JAVA_OPTIONS");

    private final LocalBrokerProperties properties;
    private final DataDirectory state;
    private final int gatewayPort;
    private final boolean clockControlled;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "local-broker-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger restarts = new AtomicInteger();
    private final WhenBack whenBack = new WhenBack();
    private volatile Process process;
    private volatile int managementPort;
    /** The broker's own web server: its REST gateway, of which only the topology is asked. */
    private volatile int restPort;

    private volatile boolean ready;
    private volatile boolean stopping;
    private volatile Instant readySince;
    private volatile Duration backoff;
    private volatile String lastExit = "";
    private Duration clockOffset = Duration.ZERO;
    /** Whether the running broker's clock stands at clockOffset: not from a launch until its clock is put back. */
    private boolean clockInPlace;

    private long begunAt;
    private final AotCache aotCache;
    private volatile AotCache.Start currentAot;
    /** Done once the current process's exit has been handed to the ahead-of-time cache (a trained one moved in place). */
    private volatile CompletableFuture<Void> aotSettled = CompletableFuture.completedFuture(null);

    public LocalBroker(
            LocalBrokerProperties properties, DataDirectory state, int gatewayPort, boolean clockControlled) {
        this.properties = properties;
        this.state = state;
        this.gatewayPort = gatewayPort;
        this.clockControlled = clockControlled;
        this.backoff = properties.restartBackoff();
        this.aotCache = AotCache.beside(properties.distribution(), properties.javaOptions(), properties.aotCache());
    }

    /** Starts the broker and returns once it is ready; a broker that cannot start stops Nurture's start. */
    public void start() {
        begin();
        awaitStarted();
    }

    /**
     * Starts the broker's process and returns at once, so that Nurture starts its database and
     * persistence while the broker boots; {@link #awaitStarted()} then waits for it.
     */
    public void begin() {
        checkDistribution();
        ChildProcesses.endOrphan(pidFile(), MAIN_CLASS, dataMarker());
        begunAt = System.nanoTime();
        launch();
    }

    /** Returns once the broker {@link #begin() begun} is ready; throws, with its log's tail, when it cannot start. */
    public void awaitStarted() {
        awaitReady();
        restoreClock();
        LOG.info(
                "Local Zeebe broker ready after {} ms: gateway {}:{}, data {}{}, log {}",
                Duration.ofNanos(System.nanoTime() - begunAt).toMillis(),
                LOOPBACK,
                gatewayPort,
                state.broker(),
                state.temporary() ? " (deleted at shutdown)" : "",
                log());
    }

    /** Shutdown has begun: a broker that dies from now on stays down. */
    public void noMoreRestarts() {
        stopping = true;
    }

    public void stop() {
        stopping = true;
        supervisor.shutdownNow();
        Process current = process;
        if (current != null) {
            ChildProcesses.stop(current.toHandle(), trainsItsCache() ? TRAINING_STOP : STOP);
            awaitCacheSettled();
        }
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            LOG.warn("Could not delete {}", pidFile(), e);
        }
    }

    /** Whether this start trains the ahead-of-time cache: there was none, and no other broker was training one. */
    public boolean trainsItsCache() {
        return AotCache.trains(currentAot);
    }

    /** A stopped broker's trained cache is in place when stop() returns: the next start uses it. */
    private void awaitCacheSettled() {
        try {
            aotSettled.get(STOP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("The ahead-of-time cache was not settled at the broker's stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Moves the broker's controlled clock, from where it runs on; kept, so a restarted broker is put
     * back where it was. Never Zeebe's clock pin: that clock is the broker's scheduler clock, so a
     * pinned one also stops the broker's own retries and timeouts, and a request the broker meant to
     * retry waited forever (a simulation hung with its stream processor reported blocked and two job
     * completions never answered).
     */
    public synchronized void moveClock(Duration by) {
        requireClockControl();
        if (clockInPlace) {
            changeBrokerClock("add", "offsetMilli", by.toMillis());
        }
        // Otherwise the broker is starting or down: its clock is put back with this move once it is ready.
        clockOffset = clockOffset.plus(by);
    }

    private void requireClockControl() {
        if (!clockControlled) {
            throw new IllegalStateException("The local broker runs on real time (nurture.dev.clock-control=false)");
        }
    }

    /** Runs after every restart, once the restarted broker is ready and its clock is put back. */
    public void whenBack(Runnable action) {
        whenBack.add(action);
    }

    public Status status() {
        Process current = process;
        return new Status(
                ready, current == null ? -1 : current.pid(), gatewayPort, state.broker(), restarts.get(), lastExit);
    }

    /**
     * @param restarts how often the broker was restarted after it died
     * @param lastExit how it last died, empty if never
     */
    public record Status(boolean ready, long pid, int gatewayPort, Path data, int restarts, String lastExit) {}

    private void launch() {
        clockAway();
        createDirectory(state.broker());
        managementPort = FreePorts.any();
        restPort = FreePorts.any();
        AotCache.Start aot = aotCache.start();
        ProcessBuilder builder = new ProcessBuilder(ChildProcesses.inOwnSession(command(aot.options())))
                .directory(state.broker().toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> APP_ENVIRONMENT.stream().anyMatch(name::startsWith));
        environment.putAll(settings());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        try {
            Process started = builder.start();
            process = started;
            Files.writeString(pidFile(), Long.toString(started.pid()));
            started.onExit().thenAccept(this::exited);
            currentAot = aot;
            aotSettled = started.onExit().thenAccept(exited -> aotCache.exited(aot, exited.exitValue()));
            if (stopping) {
                // stop() ran while this restart was starting: it may not have seen this process.
                ChildProcesses.stop(started.toHandle());
            }
        } catch (IOException e) {
            aotCache.exited(aot, -1);
            throw new UncheckedIOException("Could not start the local broker from " + properties.distribution(), e);
        }
    }

    private List<String> command(List<String> aotOptions) {
        Path distribution = properties.distribution();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Arrays.stream(properties.javaOptions().trim().split("\\s+"))
                .filter(option -> !option.isEmpty())
                .forEach(command::add);
        command.addAll(aotOptions);
        command.addAll(List.of(
                "-XX:+ExitOnOutOfMemoryError",
                "-Dfile.encoding=UTF-8",
                dataMarker(),
                "-Dapp.home=" + distribution,
                "-Dbasedir=" + distribution,
                // The distribution's config/ by name rather than on the class path: the ahead-of-time
                // cache takes no directory on the class path.
                "-Dspring.config.additional-location=file:" + distribution.resolve("config") + File.separator,
                "-Dlog4j2.configurationFile=" + distribution.resolve("config").resolve("log4j2.xml"),
                "-classpath",
                distribution.resolve("lib") + File.separator + "*",
                MAIN_CLASS));
        return command;
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ZEEBE_BROKER_NETWORK_HOST", LOOPBACK);
        settings.put("ZEEBE_BROKER_NETWORK_ADVERTISEDHOST", LOOPBACK);
        settings.put("ZEEBE_BROKER_NETWORK_COMMANDAPI_PORT", Integer.toString(FreePorts.any()));
        settings.put("ZEEBE_BROKER_NETWORK_INTERNALAPI_PORT", Integer.toString(FreePorts.any()));
        settings.put("ZEEBE_BROKER_GATEWAY_NETWORK_HOST", LOOPBACK);
        settings.put("ZEEBE_BROKER_GATEWAY_NETWORK_PORT", Integer.toString(gatewayPort));
        // As long as the client waits (camunda.client.request-timeout): with the gateway's 15 s default,
        // the first deployment to a fresh broker on a busy machine timed out between gateway and
        // broker and failed Nurture's start (CI with one core kept busy).
        settings.put("ZEEBE_BROKER_GATEWAY_CLUSTER_REQUESTTIMEOUT", "PT1M");
        settings.put("SERVER_ADDRESS", LOOPBACK);
        settings.put("SERVER_PORT", Integer.toString(restPort));
        settings.put("MANAGEMENT_SERVER_ADDRESS", LOOPBACK);
        settings.put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
        // Only what Nurture asks the broker: the distribution exposes every endpoint, instance bans,
        // partition pauses and writable log levels among them, unauthenticated. With clock control, also
        // the clock and the counters that tell whoever moves it when the engine's work is done.
        settings.put(
                "MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", clockControlled ? "health,clock,prometheus" : "health");
        settings.put("ZEEBE_BROKER_DATA_DIRECTORY", state.broker().toString());
        settings.put("ZEEBE_BROKER_THREADS_CPUTHREADCOUNT", Integer.toString(properties.cpuThreads()));
        settings.put("ZEEBE_BROKER_THREADS_IOTHREADCOUNT", "2");
        settings.put("ZEEBE_CLOCK_CONTROLLED", Boolean.toString(clockControlled));
        settings.putAll(properties.environment());
        return settings;
    }

    private void awaitReady() {
        ChildProcesses.awaitReady("The local broker", process, log(), properties.startupStall(), this::readiness);
        readySince = Instant.now();
        ready = true;
    }

    /**
     * What the engine has done so far ({@link EngineProgress.Counts#UNKNOWN} while it cannot say): its
     * steps, a count that stands still while it has nothing to do (not its log position: every poll
     * of an idle job worker moves that, several times a second), and the jobs it handed out.
     */
    public EngineProgress.Counts progress() {
        try {
            HttpResponse<String> response = get(management("/actuator/prometheus?" + EngineSteps.QUERY));
            return response.statusCode() == 200 ? EngineSteps.count(response.body()) : EngineProgress.Counts.UNKNOWN;
        } catch (IOException e) {
            return EngineProgress.Counts.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EngineProgress.Counts.UNKNOWN;
        }
    }

    /** Ready by its own account, and its gateway knows the leader of every partition. */
    private boolean readiness() {
        try {
            if (get(management("/actuator/health/readiness")).statusCode() != 200) {
                return false;
            }
            HttpResponse<String> topology =
                    get(URI.create("http://" + LOOPBACK + ":" + restPort + GatewayTopology.PATH));
            return topology.statusCode() == 200 && GatewayTopology.everyPartitionLed(topology.body());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the local broker", e);
        }
    }

    private void exited(Process exited) {
        if (stopping || exited != process) {
            return;
        }
        boolean wasReady = ready;
        ready = false;
        clockAway();
        lastExit = "exit code " + exited.exitValue() + " at " + Instant.now();
        if (!wasReady) {
            return;
        }
        if (readySince != null && Duration.between(readySince, Instant.now()).compareTo(STABLE_AFTER) > 0) {
            backoff = properties.restartBackoff();
        }
        LOG.error(
                "The local broker (pid {}) died with {}; restarting it in {}. Its log: {}",
                exited.pid(),
                lastExit,
                backoff,
                log());
        scheduleRestart();
    }

    private void scheduleRestart() {
        if (!stopping) {
            supervisor.schedule(this::restart, backoff.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void restart() {
        if (stopping) {
            return;
        }
        try {
            launch();
            awaitReady();
            restoreClock();
            whenBack.run();
            restarts.incrementAndGet();
            LOG.warn("The local broker is back (pid {}), restart {}", process.pid(), restarts.get());
        } catch (RuntimeException e) {
            Duration doubled = backoff.multipliedBy(2);
            backoff = doubled.compareTo(properties.maxRestartBackoff()) > 0 ? properties.maxRestartBackoff() : doubled;
            LOG.error("Restarting the local broker failed; trying again in {}", backoff, e);
            Process failed = process;
            if (failed != null && failed.isAlive()) {
                ChildProcesses.stop(failed.toHandle());
            }
            scheduleRestart();
        }
    }

    private synchronized void restoreClock() {
        if (clockControlled && !clockOffset.isZero()) {
            changeBrokerClock("add", "offsetMilli", clockOffset.toMillis());
        }
        clockInPlace = true;
    }

    private synchronized void clockAway() {
        clockInPlace = false;
    }

    private void changeBrokerClock(String operation, String field, long value) {
        HttpRequest request = HttpRequest.newBuilder(management("/actuator/clock/" + operation))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"" + field + "\":" + value + "}"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "The broker refused to move its clock: " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The broker's clock could not be moved", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while moving the broker's clock", e);
        }
    }

    private void checkDistribution() {
        Path distribution = properties.distribution();
        if (distribution == null || !Files.isDirectory(distribution.resolve("lib"))) {
            throw new IllegalStateException(
                    "No Zeebe distribution at " + distribution + " (nurture.engine.local.distribution)."
                            + " The build unpacks it: ./mvnw -pl app -am -DskipTests package");
        }
    }

    /** Names the data directory on the broker's command line, so a later start can recognise an orphan. */
    private String dataMarker() {
        return "-Dnurture.data-dir=" + state.root();
    }

    /** A look at the broker: two seconds at most, as none of these may hold up a start or a settle. */
    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI management(String path) {
        return URI.create("http://" + LOOPBACK + ":" + managementPort + path);
    }

    private Path pidFile() {
        return state.root().resolve("broker.pid");
    }

    private Path log() {
        return state.logs().resolve("broker.log");
    }

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the broker's data directory " + directory, e);
        }
    }
}
