package io.nurture.processes;

import static io.nurture.processes.BrowseAbandonment.JobType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.client.api.response.ActivatedJob;
import io.nurture.processes.BrowseAbandonment.Message;
import io.nurture.processes.BrowseAbandonment.Variable;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BrowseAbandonmentProcessTest {

    private static final String A_CUSTOMER = "customer-13";
    private static final String A_PRODUCT = "sku-13";

    @RegisterExtension
    final EmbeddedProcessEngine engine = new EmbeddedProcessEngine(BrowseAbandonment.PROCESS_ID);

    @Test
    void aCustomerWithoutACartAfter2HoursGetsTheBrowseReminder() {
        long journey = startJourney();

        engine.increaseTime(Duration.ofHours(2).minusMinutes(1));
        assertThat(engine.activeElements(journey)).contains("AwaitCartGateway");
        engine.increaseTime(Duration.ofMinutes(2));
        engine.completeJob(ContactPolicy.JobType.LOOK_UP_CONTACT_FACTS, ContactFactsFixture.mayBeContacted());
        ActivatedJob reminder = engine.completeJob(SEND_BROWSE_REMINDER, Map.of());

        assertThat(reminder.getVariablesAsMap())
                .containsEntry(OrderFulfillment.Variable.CUSTOMER_ID, A_CUSTOMER)
                .containsEntry(Variable.SKU, A_PRODUCT);
        engine.assertCompletedInOrder(
                journey,
                "AwaitCartGateway",
                "NoCartIn2HoursEvent",
                "BrowseReminderContactPolicyActivity",
                "SendBrowseReminderTask",
                "RemindedEndEvent");
        assertThat(engine.isCompleted(journey)).isTrue();
    }

    @Test
    void theReminderIsAnABTestAndTheCustomersVariantReachesTheSendTask() {
        startJourney();
        engine.increaseTime(Duration.ofHours(2).plusMinutes(1));

        Map<String, Object> picked =
                Map.of("name", "Picked for you", "share", 0.5, "template", "browse-reminder-picks");
        ActivatedJob lookUp = engine.completeJob(
                ContactPolicy.JobType.LOOK_UP_CONTACT_FACTS, ContactFactsFixture.mayBeContactedBut("variant", picked));
        ActivatedJob reminder = engine.completeJob(SEND_BROWSE_REMINDER, Map.of());

        assertThat(lookUp.getVariablesAsMap().get("variants"))
                .asInstanceOf(InstanceOfAssertFactories.list(Map.class))
                .extracting(variant -> variant.get("name"), variant -> variant.get("template"))
                .containsExactly(
                        tuple("Still thinking", "browse-reminder"), tuple("Picked for you", "browse-reminder-picks"));
        assertThat(reminder.getVariablesAsMap().get("variant"))
                .asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
                .containsEntry("name", "Picked for you")
                .containsEntry("template", "browse-reminder-picks");
    }

    @Test
    void aCartStartedWithin2HoursEndsTheJourneyWithoutAReminder() {
        long journey = startJourney();
        engine.increaseTime(Duration.ofHours(1));

        engine.publish(Message.CART_STARTED, A_CUSTOMER, Map.of());
        engine.increaseTime(Duration.ofHours(2));

        engine.assertCompletedInOrder(journey, "AwaitCartGateway", "CartStartedEvent", "ShopperStartedCartEndEvent");
        assertThat(engine.reachedElements(journey))
                .doesNotContain("NoCartIn2HoursEvent", "BrowseReminderContactPolicyActivity", "SendBrowseReminderTask");
        assertThat(engine.isCompleted(journey)).isTrue();
    }

    @Test
    void aCustomerTheContactPolicySkipsGetsNoReminder() {
        long journey = startJourney();
        engine.increaseTime(Duration.ofHours(2).plusMinutes(1));

        engine.completeJob(
                ContactPolicy.JobType.LOOK_UP_CONTACT_FACTS,
                ContactFactsFixture.mayBeContactedBut("marketingConsent", false));
        ActivatedJob skipped = engine.completeJob(ContactPolicy.JobType.RECORD_SKIPPED_MESSAGE, Map.of());

        assertThat(skipped.getVariablesAsMap())
                .containsEntry(ContactPolicy.Variable.JOURNEY, BrowseAbandonment.PROCESS_ID)
                .containsEntry(ContactPolicy.Variable.JOURNEY_STEP, "BROWSE_REMINDER");
        engine.assertCompletedInOrder(
                journey,
                "NoCartIn2HoursEvent",
                "BrowseReminderContactPolicyActivity",
                "BrowseReminderContactAllowedGateway",
                "NotContactedEndEvent");
        assertThat(engine.reachedElements(journey)).doesNotContain("SendBrowseReminderTask", "RemindedEndEvent");
        assertThat(engine.isCompleted(journey)).isTrue();
    }

    private long startJourney() {
        engine.publishStart(Message.PRODUCT_BROWSED, A_CUSTOMER, browsed());
        return engine.instancesOf(BrowseAbandonment.PROCESS_ID).get(0);
    }

    private static Map<String, Object> browsed() {
        return Map.of(OrderFulfillment.Variable.CUSTOMER_ID, A_CUSTOMER, Variable.SKU, A_PRODUCT);
    }
}
