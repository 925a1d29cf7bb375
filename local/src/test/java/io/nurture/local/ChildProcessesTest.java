package io.nurture.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessesTest {

    @TempDir
    Path data;

    private Process child;

    @AfterEach
    void killChild() {
        child.destroyForcibly();
    }

    @Test
    void aProcessLeftRunningWithOurDataDirectoryIsEnded() throws Exception {
        child = new ProcessBuilder("sleep", "600").start();
        Path pidFile = Files.writeString(data.resolve("server.pid"), Long.toString(child.pid()));

        ChildProcesses.endOrphan(pidFile, "sleep", "600");

        assertThat(child.waitFor(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aProcessThatReusedThePidForSomethingElseIsLeftAlone() throws Exception {
        child = new ProcessBuilder("sleep", "600").start();
        Path pidFile = Files.writeString(data.resolve("server.pid"), Long.toString(child.pid()));

        ChildProcesses.endOrphan(pidFile, "io.camunda.application.StandaloneBroker");

        assertThat(child.isAlive()).isTrue();
    }

    @Test
    void aChildRunsInASessionOfItsOwnSoASignalToNurturesGroupMissesIt() throws Exception {
        child = new ProcessBuilder(ChildProcesses.inOwnSession(List.of("sleep", "600"))).start();

        // Until setsid has run and exec'd the command, the child is still in our session.
        await("setsid execs the command under the same pid")
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> ProcessHandle.of(child.pid())
                                .flatMap(p -> p.info().command())
                                .orElse(""),
                        c -> c.endsWith("sleep"));
        assertThat(session(child.pid()))
                .isNotEqualTo(session(ProcessHandle.current().pid()));
    }

    @Test
    void aStartWhoseLogGrowsIsWaitedForBeyondTheStallPeriod() throws Exception {
        Path log = data.resolve("child.log");
        Path ready = data.resolve("ready");
        child = new ProcessBuilder(
                        "sh",
                        "-c",
                        "for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo step $i >> " + log + "; sleep 0.5; done; touch "
                                + ready + "; sleep 600")
                .start();
        long started = System.nanoTime();

        ChildProcesses.awaitReady("A slow child", child, log, Duration.ofSeconds(3), () -> Files.exists(ready));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofSeconds(3));
    }

    @Test
    void aStartThatStandsStillFailsAfterTheStallPeriodWithTheEndOfItsLogAndIsStopped() throws Exception {
        Path log = Files.writeString(data.resolve("child.log"), "Starting\nWaiting for a peer that never comes\n");
        child = new ProcessBuilder("sleep", "600").start();

        assertThatThrownBy(() ->
                        ChildProcesses.awaitReady("A stuck child", child, log, Duration.ofSeconds(1), () -> false))
                .hasMessageContaining("A stuck child made no progress for PT1S")
                .hasMessageContaining("Waiting for a peer that never comes");
        assertThat(child.waitFor(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aChildThatDiesWhileStartingFailsTheStartAtOnceWithTheEndOfItsLog() throws Exception {
        Path log = data.resolve("child.log");
        child = new ProcessBuilder("sh", "-c", "echo 'cannot bind port' >> " + log + "; exit 3").start();

        assertThatThrownBy(() ->
                        ChildProcesses.awaitReady("A failing child", child, log, Duration.ofMinutes(1), () -> false))
                .hasMessageContaining("exited with code 3")
                .hasMessageContaining("cannot bind port");
    }

    @Test
    void aStartThatFailedEarlyNamesItsFirstErrorEvenWhenPagesOfConsequencesFollow() throws Exception {
        Path log = data.resolve("child.log");
        child = new ProcessBuilder(
                        "sh",
                        "-c",
                        "echo '12:00:00 ERROR No space left on device' >> " + log
                                + "; for i in $(seq 1 200); do echo \"  at consequence $i\" >> " + log
                                + "; done; exit 1")
                .start();

        assertThatThrownBy(() -> ChildProcesses.awaitReady("A broker", child, log, Duration.ofMinutes(1), () -> false))
                .hasMessageContaining("its first error: 12:00:00 ERROR No space left on device")
                .hasMessageContaining("consequence 200");
    }

    private static String session(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3];
    }
}
