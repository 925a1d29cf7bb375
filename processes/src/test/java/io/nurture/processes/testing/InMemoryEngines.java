package io.nurture.processes.testing;

import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Creates zeebe-process-test engines whose log can be read while it is written.
 *
 * <p>The engine keeps its log in a plain {@code ArrayList} that the sequencer appends to while the
 * stream processor and exporters read it on other threads. A reader can see the new size before
 * the new entry and then reads {@code null}: the stream processor dies with a
 * NullPointerException in {@code InMemoryLogStorage$ListLogStorageReader.next} and every later
 * command times out. Seen under load in the journey tests; wrapping the list makes each append
 * and read synchronize on it.
 *
 * <p>Its state is a plain {@code TreeMap} too, and every iteration over it copies the whole map. The
 * engine's batch-operation scheduler reads it on an actor of its own every second of engine time
 * and its usage-metrics export every five minutes, while the stream processor writes it: a copy
 * taken during a commit failed with a ConcurrentModificationException ("Uncaught exception in
 * 'BatchOperationActor-1'") in the in-JVM tests. Nurture starts no batch operation and reads no
 * usage metrics, so these engines schedule neither within any time a test can move their clock.
 * Shared with the app's tests through this module's test jar.
 */
public final class InMemoryEngines {

    /** Far beyond the years the tests move an engine's clock, and short of a nanosecond overflow. */
    static final Duration BEYOND_ANY_TEST = Duration.ofDays(100 * 365);

    private InMemoryEngines() {}

    /** An engine on a free port. */
    public static ZeebeTestEngine create() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return create(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    public static ZeebeTestEngine create(int gatewayPort) {
        ZeebeTestEngine engine = EngineFactory.create(gatewayPort);
        synchronizeLog(engine);
        noTasksBesideTheStreamProcessor(engine);
        return engine;
    }

    /** The configuration its stream processor's engine runs with: read before the engine starts. */
    static EngineConfiguration configuration(ZeebeTestEngine engine) {
        List<?> processors = (List<?>) read(read(engine, "streamProcessor"), "recordProcessors");
        return (EngineConfiguration) read(processors.getFirst(), "config");
    }

    private static void noTasksBesideTheStreamProcessor(ZeebeTestEngine engine) {
        configuration(engine)
                .setBatchOperationSchedulerInterval(BEYOND_ANY_TEST)
                .setUsageMetricsExportInterval(BEYOND_ANY_TEST);
    }

    private static void synchronizeLog(ZeebeTestEngine engine) {
        guard((LogStorage) read(read(engine, "logStream"), "logStorage"));
    }

    @SuppressWarnings("unchecked")
    static void guard(LogStorage logStorage) {
        List<Object> entries = (List<Object>) read(logStorage, "logEntries");
        write(logStorage, "logEntries", Collections.synchronizedList(new ArrayList<>(entries)));
    }

    private static Object read(Object owner, String name) {
        try {
            return field(owner, name).get(owner);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(unexpectedLayout(owner, name), e);
        }
    }

    private static void write(Object owner, String name, Object value) {
        try {
            field(owner, name).set(owner, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(unexpectedLayout(owner, name), e);
        }
    }

    private static Field field(Object owner, String name) throws NoSuchFieldException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    private static String unexpectedLayout(Object owner, String name) {
        return "zeebe-process-test changed: no field " + name + " in "
                + owner.getClass().getName() + "; check whether its log is still an unguarded list before upgrading";
    }
}
