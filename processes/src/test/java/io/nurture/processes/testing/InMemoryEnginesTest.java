package io.nurture.processes.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.lang.reflect.Constructor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The engine's log is read on other threads while it grows; every read must see a whole entry.
 * Without the guard the first test failed one to two runs in three here, with the same
 * NullPointerException that stopped the journey tests' engine in CI.
 */
class InMemoryEnginesTest {

    private static final int ENTRIES = 300_000;

    @Test
    void aReaderFollowingTheGrowingLogNeverSeesAMissingEntry() throws Exception {
        LogStorage log = newEngineLog();
        InMemoryEngines.guard(log);

        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> follow(log));
        for (long i = 1; i <= ENTRIES; i++) {
            log.append(i, i, ByteBuffer.allocate(Long.BYTES).putLong(0, i), new LogStorage.AppendListener() {});
        }

        assertThat(reader.get()).isEqualTo(ENTRIES);
    }

    @Test
    void anEngineWithTheGuardedLogRunsAndStops() throws Exception {
        ZeebeTestEngine engine = InMemoryEngines.create();
        engine.start();
        try (var client = engine.createClient()) {
            assertThat(client.newTopologyRequest().send().join().getBrokers()).hasSize(1);
        } finally {
            engine.stop();
        }
    }

    @Test
    void anEngineRunsNoTaskThatReadsItsStateBesideItsStreamProcessorWithinTheTimeTestsMove() {
        ZeebeTestEngine engine = InMemoryEngines.create();
        engine.start();
        try {
            assertThat(InMemoryEngines.configuration(engine).getBatchOperationSchedulerInterval())
                    .isGreaterThanOrEqualTo(Duration.ofDays(36_500));
            assertThat(InMemoryEngines.configuration(engine).getUsageMetricsExportInterval())
                    .isGreaterThanOrEqualTo(Duration.ofDays(36_500));
        } finally {
            engine.stop();
        }
    }

    private static int follow(LogStorage log) {
        LogStorageReader reader = log.newReader();
        int read = 0;
        while (read < ENTRIES) {
            if (reader.hasNext()) {
                assertThat(reader.next().getLong(0, ByteOrder.BIG_ENDIAN)).isEqualTo(++read);
            }
        }
        return read;
    }

    private static LogStorage newEngineLog() throws ReflectiveOperationException {
        Constructor<?> constructor = Class.forName("io.camunda.zeebe.process.test.engine.InMemoryLogStorage")
                .getDeclaredConstructor();
        constructor.setAccessible(true);
        return (LogStorage) constructor.newInstance();
    }
}
