package io.nurture.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
