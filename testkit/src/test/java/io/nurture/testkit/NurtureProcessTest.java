package io.nurture.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.nurture.local.FreePorts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NurtureProcessTest {

    @TempDir
    Path home;

    private Process launcher;
    private Optional<ProcessHandle> app = Optional.empty();

    @AfterEach
    void stopAll() {
        app.ifPresent(ProcessHandle::destroyForcibly);
        if (launcher != null) {
            launcher.destroyForcibly();
        }
    }

    @Test
    void aLauncherStoppedWithSigtermStopsTheAppItStarted() throws Exception {
        launcher = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Launcher.class.getName(),
                        home.resolve("app.log").toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader output =
                new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
        List<String> before = new ArrayList<>();
        String line = output.readLine();
        while (line != null && !line.strip().matches("\\d+")) {
            before.add(line);
            line = output.readLine();
        }
        assertThat(line)
                .as("the pid of the app the launcher started; the launcher printed:%n%s", String.join("\n", before))
                .isNotNull();
        app = ProcessHandle.of(Long.parseLong(line.strip()));
        assertThat(app).isPresent();

        launcher.destroy();

        assertThat(launcher.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(app.get().onExit())
                .as("the app started by the launcher ends")
                .succeedsWithin(Duration.ofMinutes(1));
    }

    /** Starts a stand-in app as the simulation starts Nurture, prints its pid and waits to be stopped. */
    public static final class Launcher {

        public static void main(String[] args) throws Exception {
            NurtureProcess app = NurtureProcess.classpath(
                            System.getProperty("java.class.path"), StandInApp.class.getName())
                    .start(FreePorts.any(), Path.of(args[0]));
            System.out.println(app.pid());
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(10));
        }
    }

    /** Answers its readiness as Nurture does and runs until it is stopped. */
    public static final class StandInApp {

        public static void main(String[] args) throws Exception {
            int port = Integer.parseInt(List.of(args).stream()
                    .filter(arg -> arg.startsWith("--server.port="))
                    .findFirst()
                    .orElseThrow()
                    .substring("--server.port=".length()));
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/actuator/health/readiness", exchange -> {
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            Thread.sleep(TimeUnit.MINUTES.toMillis(10));
        }
    }
}
