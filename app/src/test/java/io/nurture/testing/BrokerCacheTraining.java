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
            broker.begin();
            try {
                if (broker.trainsItsCache()) {
                    broker.awaitStarted();
                }
            } finally {
                broker.stop();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not train the test brokers' ahead-of-time cache; their first broker trains it", e);
        } finally {
            TRAINED.complete(null);
        }
    }
}
