package io.nurture.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.nurture.local.FreePorts;
import io.nurture.testkit.LocalNurture;
import io.nurture.testkit.ServingJvm;
import io.nurture.testkit.ShortLivedJvm;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * The lifecycle simulation's command (docs/simulation.md). Arguments, all optional:
 * {@code behaviour=sim/behaviour.yaml} the behaviour model; {@code models=DIR} run on edited copies of
 * the models (every .bpmn and .dmn in DIR, deployed over the built-in ones, as Modeler would);
 * {@code compare=DIR} run twice, on the built-in (or {@code models}) models and on DIR's, and report
 * both side by side; {@code customers=N days=N} override the file; {@code out=DIR} where the report
 * goes; {@code quiet=PT0.1S} how long the app must be idle before a day counts as settled, where it
 * cannot count the jobs on their way from the engine.
 */
public final class Simulation {

    private static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Up to this many customer-days a run is short: compiling for peak speed would cost more than it saves. */
    private static final long SHORT_RUN = 20_000;

    private static final String THROUGHPUT_COLLECTOR = "-XX:+UseParallelGC";

    /** One run's settings: which models on top of the built-in ones (null: none), and the run's own directory. */
    public record Settings(Behaviour behaviour, Path models, Path home, Duration quiet, PrintStream progress) {

        boolean shortRun() {
            return (long) behaviour.customers() * behaviour.days() <= SHORT_RUN;
        }
    }

    private Simulation() {}

    public static void main(String[] args) throws Exception {
        Behaviour behaviour = Behaviour.read(Path.of(argument(args, "behaviour", "sim/behaviour.yaml")))
                .with(integer(args, "customers"), integer(args, "days"));
        Path models = path(args, "models");
        Path compare = path(args, "compare");
        Duration quiet = Duration.parse(argument(args, "quiet", "PT0.1S"));
        Path out = Files.createDirectories(Path.of(argument(
                        args,
                        "out",
                        "sim/target/reports/" + Instant.now().toString().replace(':', '-'))))
                .toAbsolutePath();
        List<Figures> runs = new ArrayList<>();
        runs.add(rehearse(new Settings(behaviour, models, out.resolve("A"), quiet, System.out), "A"));
        if (compare != null) {
            runs.add(rehearse(new Settings(behaviour, compare, out.resolve("B"), quiet, System.out), "B"));
        }
        write(out, runs);
        printKeyFigures(runs);
        System.out.println("\nReport: " + out.resolve("report.html") + " (figures in report.json)");
    }

    /** One run on an app, broker and database of its own, started for it and stopped after it. */
    public static Figures rehearse(Settings settings, String label) throws Exception {
        Behaviour behaviour = settings.behaviour();
        String models =
                settings.models() == null ? "deployed" : settings.models().toString();
        settings.progress()
                .printf(
                        "%nRun %s: %d customers x %d days on the %s models; app and logs in %s%n",
                        label, behaviour.customers(), behaviour.days(), models, settings.home());
        int smtpPort = FreePorts.any();
        List<String> nurture = new ArrayList<>(List.of(
                "--nurture.dev.clock-control=true",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                // One log line per job is most of the log's volume in a run of 100,000 jobs.
                "--logging.level.io.nurture.runtime.JobLogContext=warn",
                // The broker snapshots its state every 5 minutes of its clock: every move of a day, 180
                // snapshots a run. Monthly is enough for a run that is thrown away.
                "--nurture.engine.local.environment.ZEEBE_BROKER_DATA_SNAPSHOTPERIOD=P30D",
                // Nor need its log be forced to disk on every commit.
                "--nurture.engine.local.environment.ZEEBE_BROKER_CLUSTER_RAFT_FLUSH_ENABLED=false"));
        List<String> jvm = new ArrayList<>();
        if (settings.shortRun()) {
            // A short run is mostly start-up, as the app's tests are.
            jvm.add("-Xmx512m");
            jvm.addAll(ShortLivedJvm.OPTIONS);
            nurture.add("--nurture.engine.local.java-options=" + ShortLivedJvm.BROKER);
        } else {
            // Free to stay small, the broker's G1 ran a concurrent cycle every few seconds: its CPU
            // over a 1,000 x 180 run was 356 s, 301-328 s with the heap fixed (docs/performance.md).
            // A run is a batch, which no pause of the throughput collector holds up: of a 40-day run's
            // CPU it saved the broker 8 % and the app 2 % against G1's barriers and concurrent work.
            List<String> serving = new ArrayList<>(ServingJvm.withHeap("512m"));
            serving.add(THROUGHPUT_COLLECTOR);
            jvm.addAll(serving);
            nurture.add("--nurture.engine.local.java-options=" + String.join(" ", serving));
        }
        try (Mailbox mailbox = new Mailbox(smtpPort);
                LocalNurture app = start(settings, jvm, nurture)) {
            if (settings.models() != null) {
                deploy(app, settings.models(), settings.progress());
            }
            NurtureApi api = new NurtureApi(app.baseUrl());
            Rehearsal rehearsal =
                    new Rehearsal(behaviour, api, mailbox, new Settle(api, settings.quiet()), settings.progress());
            Rehearsal.Tally tally;
            try {
                tally = rehearsal.run();
            } catch (IllegalStateException stuck) {
                // The run's directory may be gone by the time someone reads the failure (a CI clone).
                throw new IllegalStateException(
                        stuck.getMessage() + "; the app's last warnings (" + app.log() + "):\n" + warnings(app.log()),
                        stuck);
            }
            return Figures.collect(models, behaviour, tally, api, rehearsal.firstMoment(), rehearsal.endMoment());
        } finally {
            discardState(settings.home().resolve("nurture"), settings.progress());
        }
    }

    /**
     * A long run's app starts from the app's ahead-of-time cache, as its broker does: in a run of
     * minutes the app's compiler used more of its CPU than its job handlers, and with the classes and
     * profiles of an earlier run its CPU fell by a quarter (docs/performance.md). The first long run of
     * a build trains it.
     */
    private static LocalNurture start(Settings settings, List<String> jvm, List<String> nurture)
            throws IOException, InterruptedException {
        Path home = Files.createDirectories(settings.home());
        return settings.shortRun()
                ? LocalNurture.start(home, "nurture", jvm, nurture)
                : LocalNurture.startWithAotCache(home, "nurture", jvm, nurture);
    }

    /**
     * A run's database and broker state (about 1 GB for 1,000 x 180) goes once its app has stopped;
     * its logs stay beside the report. Kept, sixty runs filled a disk. What cannot be deleted is
     * said, not thrown: the run's own result or failure is what its caller needs.
     */
    private static void discardState(Path app, PrintStream progress) {
        if (Files.notExists(app)) {
            return;
        }
        try (Stream<Path> parts = Files.list(app)) {
            for (Path part : parts.filter(p -> !p.getFileName().toString().equals("logs"))
                    .toList()) {
                FileSystemUtils.deleteRecursively(part);
            }
        } catch (IOException | UncheckedIOException e) {
            progress.println("Could not delete the run's state in " + app + ": " + e);
        }
    }

    private static String warnings(Path log) throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> warnings = lines.filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
                    .toList();
            return String.join("\n", warnings.subList(Math.max(0, warnings.size() - 40), warnings.size()));
        }
    }

    /** As an analyst deploys from Modeler: the copies become the newest versions, which every new instance runs. */
    private static void deploy(LocalNurture app, Path directory, PrintStream progress) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.filter(
                            f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn"))
                    .sorted()
                    .toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(directory + " holds no .bpmn or .dmn file");
        }
        try (CamundaClient client = CamundaClient.newClientBuilder()
                .grpcAddress(URI.create("http://127.0.0.1:" + app.gatewayPort()))
                .preferRestOverGrpc(false)
                .build()) {
            DeployResourceCommandStep1.DeployResourceCommandStep2 deployment = null;
            for (Path file : files) {
                deployment = deployment == null
                        ? client.newDeployResourceCommand().addResourceFile(file.toString())
                        : deployment.addResourceFile(file.toString());
            }
            deployment.send().join();
        }
        progress.println("Deployed "
                + files.stream().map(f -> f.getFileName().toString()).toList() + " from " + directory);
    }

    static void write(Path out, List<Figures> runs) throws IOException {
        Object figures = runs.size() == 2 ? Comparison.of(runs.get(0), runs.get(1)) : runs.getFirst();
        JSON.writeValue(out.resolve("report.json").toFile(), figures);
        Files.writeString(out.resolve("report.html"), ReportPage.render(runs));
    }

    private static void printKeyFigures(List<Figures> runs) {
        System.out.printf(
                "%n%-42s %12s%s%n", "figure", "A", runs.size() == 2 ? String.format("%12s %12s", "B", "B - A") : "");
        for (String name : runs.getFirst().key().keySet()) {
            StringBuilder line = new StringBuilder(String.format(
                    Locale.ROOT,
                    "%-42s %12s",
                    name,
                    Html.number(runs.get(0).key().get(name))));
            if (runs.size() == 2) {
                Comparison.Difference difference = Comparison.difference(
                        runs.get(0).key().get(name), runs.get(1).key().get(name));
                line.append(String.format(
                        Locale.ROOT,
                        " %12s %12s %s",
                        Html.number(runs.get(1).key().get(name)),
                        Html.number(difference.delta()),
                        difference.relative()));
            }
            System.out.println(line);
        }
    }

    private static String argument(String[] args, String name, String fallback) {
        return Arrays.stream(args)
                .filter(arg -> arg.startsWith(name + "="))
                .map(arg -> arg.substring(name.length() + 1))
                .findFirst()
                .orElse(fallback);
    }

    private static Integer integer(String[] args, String name) {
        String value = argument(args, name, null);
        return value == null ? null : Integer.valueOf(value);
    }

    private static Path path(String[] args, String name) {
        String value = argument(args, name, null);
        return value == null ? null : Path.of(value).toAbsolutePath();
    }
}
