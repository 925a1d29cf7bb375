package io.nurture.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.testing.BrokerCacheTraining;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The lifecycle simulation as an analyst runs it (sim/, docs/simulation.md), on this build's local
 * jar: a population small enough to work out by hand goes through the deployed models (A), then
 * through edited copies (B) that re-engage silent customers after 20 days instead of 45 and take
 * tea back for a change of mind, each on an app, broker and database of its own.
 *
 * <p>By hand, for each of the six customers (in Chicago; first order on day f = 0, 0, 1, 1, 2, 2): the card
 * order is placed and shipped on day f and delivered on f + 2; the thank-you follows on f + 5, the
 * survey on f + 9, answered with a 10 on f + 10 (promoter: advocate, asked for a review, the one
 * marketing message, which the contact policy holds from noon UTC, early morning in Chicago, until
 * the customer's morning: it goes at the simulation's midnight move). With no purchase since, the
 * re-engagement (marketing; the customer becomes at risk) comes on f + 45 in A, after the 30 days,
 * and on f + 20 in B, within them and more than the contact policy's 7 days after the review ask,
 * held as the ask was. On f + 14 each sends the tea (12.50) back for a
 * change of mind: A's return eligibility table refuses food for that; B's, without that rule,
 * approves it with the customer paying the 5.90 label, the parcel is back on f + 16, inspected and
 * refunded (6.60) on f + 17, and the order, every item back, is RETURNED.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(LifecycleSimulationIntegrationTest.OWN_APPS)
class LifecycleSimulationIntegrationTest {

    /**
     * Its apps are child processes on their own ports and directories, like the other child-process
     * tests', but it shares nothing with them: it runs beside both the in-JVM tests and those.
     */
    static final String OWN_APPS = "simulation apps";

    private Figures deployed;
    private Figures earlierReEngagement;

    @BeforeAll
    void rehearseBothModelSets() throws Exception {
        BrokerCacheTraining.awaitTrained();
        Path home = Files.createDirectories(
                Path.of("target", "simulation", UUID.randomUUID().toString()).toAbsolutePath());
        Behaviour behaviour =
                Behaviour.read(resource("simulation/tiny-behaviour.yaml", home.resolve("behaviour.yaml")));
        Path edited = Files.createDirectories(home.resolve("edited-models"));
        Path retention = resource("customer-retention.bpmn", edited.resolve("customer-retention.bpmn"));
        String model = Files.readString(retention);
        assertThat(model).contains("duration(\"P45D\")");
        Files.writeString(retention, model.replace("duration(\"P45D\")", "duration(\"P20D\")"));
        Path eligibility = resource("return-eligibility.dmn", edited.resolve("return-eligibility.dmn"));
        String table = Files.readString(eligibility);
        String foodRule = table.substring(
                table.indexOf("<rule id=\"FoodChangedMindRule\">"), table.indexOf("<rule id=\"ShopMistakeRule\">"));
        Files.writeString(eligibility, table.replace(foodRule, ""));
        PrintStream progress =
                new PrintStream(Files.newOutputStream(home.resolve("progress.log")), true, StandardCharsets.UTF_8);
        // One after the other: side by side, two app starts beside the other lanes took a busy machine 192 s each.
        deployed = Simulation.rehearse(
                new Simulation.Settings(behaviour, null, home.resolve("A"), Duration.ofMillis(100), progress), "A");
        earlierReEngagement = Simulation.rehearse(
                new Simulation.Settings(behaviour, edited, home.resolve("B"), Duration.ofMillis(100), progress), "B");
    }

    @Test
    void aTinyPopulationGivesTheCountsWorkedOutByHand() {
        Map<String, Double> figures = deployed.key();

        assertThat(figures)
                .containsEntry("orders placed", 6.0)
                .containsEntry("orders DELIVERED", 6.0)
                .containsEntry("survey response rate", 1.0)
                .containsEntry("NPS", 100.0)
                .containsEntry("customers ADVOCATE", 6.0)
                .containsEntry("customers AT_RISK", 0.0)
                .containsEntry("marketing messages per customer", 1.0)
                .containsEntry("coupon cost", 0.0)
                .containsEntry("returns asked for", 6.0)
                .containsEntry("returns REJECTED", 6.0)
                .containsEntry("returns refunded", 0.0)
                .containsEntry("money check violations", 0.0);
        assertThat(deployed.messagesByTemplate())
                .containsEntry("survey", 6L)
                .containsEntry("follow-up", 6L)
                .containsEntry("advocacy-ask", 6L)
                .doesNotContainKey("re-engagement");
    }

    @Test
    void reEngagingEarlierReachesEverySilentCustomerWithinThePeriod() {
        assertThat(earlierReEngagement.messagesByTemplate()).containsEntry("re-engagement", 6L);
        assertThat(earlierReEngagement.key())
                .containsEntry("customers AT_RISK", 6.0)
                .containsEntry("marketing messages per customer", 2.0);
        assertThat(earlierReEngagement.key().get("customers AT_RISK"))
                .isGreaterThan(deployed.key().get("customers AT_RISK"));
        assertThat(earlierReEngagement.key().get("orders placed"))
                .isEqualTo(deployed.key().get("orders placed"));
        assertThat(earlierReEngagement.key()).containsEntry("money check violations", 0.0);
    }

    @Test
    void aTableThatTakesTeaBackRefundsEveryReturnLessItsLabel() {
        assertThat(earlierReEngagement.key())
                .containsEntry("returns asked for", 6.0)
                .containsEntry("returns REFUNDED", 6.0)
                .containsEntry("returns refunded", 6.0)
                .containsEntry("refunded for returns", 39.6)
                .containsEntry("orders RETURNED", 6.0)
                .doesNotContainKey("returns REJECTED");
        assertThat(earlierReEngagement.messagesByTemplate())
                .containsEntry("return-label", 6L)
                .containsEntry("return-refunded", 6L);
        assertThat(deployed.messagesByTemplate()).containsEntry("return-rejected", 6L);
    }

    private static Path resource(String name, Path copy) throws IOException {
        try (InputStream in =
                LifecycleSimulationIntegrationTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Files.copy(in, copy);
        }
        return copy;
    }
}
