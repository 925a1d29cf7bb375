package io.nurture.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nurture.testing.BrokerCacheTraining;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The time before the first order in the lifecycle simulation, on this build's local jar: twenty
 * prospects sign up, confirm, look at a product and leave (simulation/prospects-behaviour.yaml).
 * The shipped browse reminder tests two variants 50/50; in this behaviour model only "Picked for
 * you" brings orders, always, so the experiments report must show it converting every customer it
 * reached and the control none, with a difference whose interval lies above zero.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(LifecycleSimulationIntegrationTest.OWN_APPS)
class PreOrderSimulationIntegrationTest {

    private static final String PICKS = "BROWSE_REMINDER \"Picked for you\" ";
    private static final String CONTROL = "BROWSE_REMINDER \"Still thinking\" ";

    private Figures run;

    @BeforeAll
    void rehearse() throws Exception {
        BrokerCacheTraining.awaitTrained();
        Path home = Files.createDirectories(
                Path.of("target", "simulation", UUID.randomUUID().toString()).toAbsolutePath());
        Path file = home.resolve("behaviour.yaml");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("simulation/prospects-behaviour.yaml")) {
            assertThat(in).isNotNull();
            Files.copy(in, file);
        }
        PrintStream progress =
                new PrintStream(Files.newOutputStream(home.resolve("progress.log")), true, StandardCharsets.UTF_8);
        run = Simulation.rehearse(
                new Simulation.Settings(
                        Behaviour.read(file), null, home.resolve("A"), Duration.ofMillis(100), progress),
                "A");
    }

    @Test
    void everyConfirmedSignUpIsWelcomedAndRemindedOfTheProductItLookedAt() {
        assertThat(run.key()).containsEntry("sign-ups", 20.0).containsEntry("sign-ups confirmed", 20.0);
        assertThat(run.messagesByTemplate())
                .containsEntry("sign-up-confirmation", 20L)
                .containsEntry("welcome", 20L);
        assertThat(run.messagesByTemplate().get("browse-reminder")
                        + run.messagesByTemplate().get("browse-reminder-picks"))
                .isEqualTo(20L);
        // Failed once in CI (19 of 20), while the broker reported its stream processor "appears blocked":
        // whether the missing customer was still inside the window or not counted at all, the report says.
        assertThat(run.key().get(PICKS + "sent") + run.key().get(CONTROL + "sent"))
                .as(
                        "customers sent a variant whose window had closed; the experiments: %s, the funnel: %s",
                        run.experiments().path("browse-abandonment"),
                        run.funnels().path("browse-abandonment"))
                .isEqualTo(20.0);
    }

    @Test
    void theVariantThatBringsOrdersConvertsBetterWithAnIntervalAboveZero() {
        assertThat(run.key())
                .containsEntry(PICKS + "conversion", 1.0)
                .containsEntry(CONTROL + "conversion", 0.0)
                .containsEntry("orders placed", run.key().get(PICKS + "sent"))
                .containsEntry("money check violations", 0.0);
        JsonNode picked = run.experiments()
                .path("browse-abandonment")
                .get(0)
                .path("variants")
                .get(1);
        assertThat(picked.path("variant").asText()).isEqualTo("Picked for you");
        assertThat(picked.path("difference").asDouble()).isEqualTo(1.0);
        assertThat(picked.path("low").asDouble()).isPositive();
    }
}
