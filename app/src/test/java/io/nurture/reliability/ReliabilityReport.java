package io.nurture.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes the fault suite's results table, {@code target/reliability-report.md}, from the run that
 * just happened: for each test marked {@link InjectedFault}, the fault, how it was injected, what
 * must hold, whether it held, how long it took and what the test measured. Registered through
 * {@code META-INF/services}; a run without fault tests leaves an earlier report alone.
 */
public final class ReliabilityReport implements TestExecutionListener {

    /** The report-entry key under which a fault test publishes what it measured. */
    public static final String MEASURED = "measured";

    static final Path REPORT = Path.of("target", "reliability-report.md");

    private final Map<String, Instant> started = new ConcurrentHashMap<>();
    private final Map<String, List<String>> measured = new ConcurrentHashMap<>();
    private final List<Row> rows = new CopyOnWriteArrayList<>();

    @Override
    public void executionStarted(TestIdentifier test) {
        started.put(test.getUniqueId(), Instant.now());
    }

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        entry.getKeyValuePairs().entrySet().stream()
                .filter(pair -> pair.getKey().equals(MEASURED))
                .forEach(pair -> measured.computeIfAbsent(test.getUniqueId(), id -> new CopyOnWriteArrayList<>())
                        .add(pair.getValue()));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        faultOf(test)
                .ifPresent(fault -> rows.add(new Row(
                        fault,
                        name(test),
                        result.getStatus(),
                        Duration.between(started.getOrDefault(test.getUniqueId(), Instant.now()), Instant.now()),
                        measured.getOrDefault(test.getUniqueId(), List.of()))));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, table(new ArrayList<>(rows)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String table(List<Row> rows) {
        rows.sort(Comparator.comparingInt((Row row) -> row.fault().id()).thenComparing(Row::test));
        StringBuilder table = new StringBuilder()
                .append("# Fault suite: results of the last run\n\n")
                .append("Written by the test run (")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ")
                .append(System.getProperty("java.version"))
                .append("); docs/reliability.md explains the cases.\n\n")
                .append("| # | fault | injected how | test | must hold | result | measured |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        rows.forEach(row -> table.append(row.line()));
        return table.toString();
    }

    private static Optional<InjectedFault> faultOf(TestIdentifier test) {
        return test.getSource()
                .filter(MethodSource.class::isInstance)
                .map(MethodSource.class::cast)
                .flatMap(source -> {
                    Method method = source.getJavaMethod();
                    return Optional.ofNullable(method.getAnnotation(InjectedFault.class))
                            .or(() -> Optional.ofNullable(source.getJavaClass().getAnnotation(InjectedFault.class)));
                });
    }

    private static String name(TestIdentifier test) {
        MethodSource source = (MethodSource) test.getSource().orElseThrow();
        String display = test.getDisplayName().startsWith(source.getMethodName()) ? "" : " " + test.getDisplayName();
        return source.getJavaClass().getSimpleName() + "." + source.getMethodName() + display;
    }

    record Row(
            InjectedFault fault, String test, TestExecutionResult.Status status, Duration took, List<String> measured) {

        String line() {
            String result = (status == TestExecutionResult.Status.SUCCESSFUL
                            ? "held"
                            : status.name().toLowerCase()) + ", " + took.toMillis() / 100 / 10.0 + " s";
            return "| "
                    + String.join(
                            " | ",
                            String.valueOf(fault.id()),
                            cell(fault.fault()),
                            cell(fault.injected()),
                            "`" + test + "`",
                            cell(fault.holds()),
                            result,
                            measured.isEmpty() ? "" : cell(String.join("; ", measured)))
                    + " |\n";
        }

        private static String cell(String text) {
            return text.replace("|", "\\|").replace("\n", " ");
        }
    }
}
