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
        // Each reminded customer once, whether the window closed within the ten days or not: which of the two
        // depends on the simulated day the reminder went out. Twice, on a busy machine while the broker reported
        // its stream processor blocked, 19 windows had closed, not 20; the second time the report showed the
        // twentieth customer still awaiting the window's end, so its reminder went out a day late (cause not
        // found; docs/simulation.md). That the report counts every reminded customer holds on any machine.
        assertThat(reached("Still thinking") + reached("Picked for you"))
                .as(
                        "customers the experiments report counts as sent a variant; the experiments: %s, the funnel: %s",
                        run.experiments().path("browse-abandonment"),
                        run.funnels().path("browse-abandonment"))
                .isEqualTo(20);
    }

    @Test
    void theVariantThatBringsOrdersConvertsBetterWithAnIntervalAboveZero() {
        assertThat(run.key())
                .containsEntry(PICKS + "conversion", 1.0)
                .containsEntry(CONTROL + "conversion", 0.0)
                .containsEntry("orders placed", (double) reached("Picked for you"))
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

    /** Customers the experiments report counts as sent the variant: their window closed, or they await its end. */
    private long reached(String variant) {
        for (JsonNode arm : run.experiments().path("browse-abandonment").get(0).path("variants")) {
            if (arm.path("variant").asText().equals(variant)) {
                return arm.path("customers").asLong()
                        + arm.path("awaitingOutcome").asLong();
            }
        }
        throw new AssertionError("no variant " + variant + " in " + run.experiments());
    }
}
