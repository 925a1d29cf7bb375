package io.nurture.testing;

import io.nurture.broker.LocalBroker;
import io.nurture.local.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the test brokers' ahead-of-time cache on a broker of its own as the integration tests
 * begin, while the in-JVM tests start their app; the child-process tests wait for it before their
 * first broker. Without it, their first brokers started together: one trained, the others started
 * without a cache at about twice the CPU, and the cluster test's kill of its leader threw a
 * training away (two trainings, 59 s CPU, in one run). Only where the failsafe configuration asks
 * for it ({@value #ENABLED}): a single test run from an IDE trains on its first broker as before.
 */
public class BrokerCacheTraining implements LauncherSessionListener {

    static final String ENABLED = "nurture.tests.train-broker-cache";

    private static final Logger LOG = LoggerFactory.getLogger(BrokerCacheTraining.class);
    private static final CompletableFuture<Void> TRAINED = new CompletableFuture<>();
    private static final long PATIENCE_MINUTES = 5;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (Boolean.getBoolean(ENABLED)) {
            Thread.ofPlatform().daemon().name("broker-cache-training").start(BrokerCacheTraining::train);
        } else {
            TRAINED.complete(null);
        }
    }

    /** Returns once the cache is trained, or training gave up (the next broker then trains, as without this). */
    public static void awaitTrained() {
        try {
            TRAINED.get(PATIENCE_MINUTES, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("The test brokers' ahead-of-time cache was not trained in time; starting without waiting", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void train() {
        try {
            Path home = Files.createDirectories(
                    Path.of("target", "broker-cache-training", UUID.randomUUID().toString())
                            .toAbsolutePath());
            LocalBroker broker = TestBrokers.create(home, FreePorts.any(), Map.of());
            // A run of a few quick tests ends before the broker has started: without this, the JVM
            // exited with it still running, in a session of its own, and it ran on for hours. Killed,
            // its training is thrown away; stopped, it would have written a cache of half a start,
            // which every later test broker would use instead of training a whole one.
            Thread stopAtExit = new Thread(() -> kill(broker), "kill-broker-cache-training");
            Runtime.getRuntime().addShutdownHook(stopAtExit);
            broker.begin();
            try {
                if (broker.trainsItsCache()) {
                    broker.awaitStarted();
                }
            } finally {
                broker.stop();
                removeHook(stopAtExit);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not train the test brokers' ahead-of-time cache; their first broker trains it", e);
        } finally {
            TRAINED.complete(null);
        }
    }

    private static void kill(LocalBroker broker) {
        long pid = broker.status().pid();
        if (pid > 0) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // The hook runs or has run: the broker this thread just stopped is gone already.
        }
    }
}
