package io.nurture.processes;

import static io.nurture.processes.AbandonedCheckout.JobType.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.nurture.processes.AbandonedCheckout.Message;
import io.nurture.processes.AbandonedCheckout.Variable;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AbandonedCheckoutProcessTest {

    private static final String A_CART = "cart-7";
    private static final String A_CUSTOMER = "customer-7";

    @RegisterExtension
    final EmbeddedProcessEngine engine = new EmbeddedProcessEngine(AbandonedCheckout.PROCESS_ID);

    @Test
    void aLeftCheckoutBringsRemindersAt1And24And72HoursTheLastWithTheCouponTheTableSizes() {
        long journey = startJourney();
        ActivatedJob lookUp = engine.completeJob(COLLECT_CHECKOUT_FACTS, newCustomerWithCartWorth(64));
        assertThat(lookUp.getVariablesAsMap()).containsEntry(Variable.REENTRY_COOLDOWN, "P14D");

        engine.increaseTime(Duration.ofMinutes(59));
        assertThat(engine.activeElements(journey)).contains("FirstReminderDueEvent");
        engine.increaseTime(Duration.ofMinutes(2));
        ActivatedJob first = remind();

        engine.increaseTime(Duration.ofHours(22).plusMinutes(57));
        assertThat(engine.activeElements(journey)).contains("SecondReminderDueEvent");
        engine.increaseTime(Duration.ofMinutes(3));
        ActivatedJob second = remind();

        engine.increaseTime(Duration.ofHours(47).plusMinutes(57));
        assertThat(engine.activeElements(journey)).contains("LastReminderDueEvent");
        engine.increaseTime(Duration.ofMinutes(3));
        ActivatedJob last = remind();

        assertThat(first.getVariablesAsMap()).containsEntry(Variable.REMINDER, 1);
        assertThat(second.getVariablesAsMap()).containsEntry(Variable.REMINDER, 2);
        assertThat(last.getVariablesAsMap())
                .containsEntry(Variable.REMINDER, 3)
                .containsEntry(Variable.COUPON_PERCENT, 10);
        assertThat(engine.activeElements(journey)).contains("OrderWindowElapsedEvent");
        engine.increaseTime(Duration.ofDays(7).plusMinutes(1));
        engine.assertCompletedInOrder(
                journey,
                "SendFirstCartReminderTask",
                "SendSecondCartReminderTask",
                "DecideCartCouponTask",
                "SendLastCartReminderTask",
                "RemindersSentEndEvent",
                "CartNotRecoveredEndEvent");
        assertThat(engine.isCompleted(journey)).isTrue();
    }

    @Test
    void anOrderWithinAWeekOfTheLastReminderStillCountsAsTheRecovery() {
        long journey = startJourney();
        engine.completeJob(COLLECT_CHECKOUT_FACTS, newCustomerWithCartWorth(64));
        engine.increaseTime(Duration.ofHours(72).plusMinutes(1));
        remind();
        remind();
        remind();
        engine.increaseTime(Duration.ofDays(6));

        engine.publish(Message.CHECKOUT_CONVERTED, A_CART, Map.of());

        engine.completeJob(RECORD_CHECKOUT_RECOVERED, Map.of());
        engine.assertCompletedInOrder(journey, "SendLastCartReminderTask", "CheckoutRecoveredEndEvent");
    }

    @Test
    void aReturningCustomersLastReminderCarriesNoCoupon() {
        startJourney();
        engine.completeJob(COLLECT_CHECKOUT_FACTS, facts(false, 3, 250));
        engine.increaseTime(Duration.ofHours(72).plusMinutes(1));

        remind();
        remind();
        ActivatedJob last = remind();

        assertThat(last.getVariablesAsMap())
                .containsEntry(Variable.REMINDER, 3)
                .containsEntry(Variable.COUPON_PERCENT, 0);
    }

    @Test
    void anOrderAfterTheFirstReminderRecordsTheRecoveryAndEndsTheJourneyWithoutAnotherReminder() {
        long journey = startJourney();
        engine.completeJob(COLLECT_CHECKOUT_FACTS, newCustomerWithCartWorth(64));
        engine.increaseTime(Duration.ofHours(1).plusMinutes(1));
        remind();

        engine.publish(Message.CHECKOUT_CONVERTED, A_CART, Map.of());
        ActivatedJob recovery = engine.completeJob(RECORD_CHECKOUT_RECOVERED, Map.of());
        engine.increaseTime(Duration.ofHours(72));

        assertThat(recovery.getVariablesAsMap()).containsEntry(Variable.CART_ID, A_CART);
        engine.assertCompletedInOrder(
                journey,
                "SendFirstCartReminderTask",
                "CustomerOrderedBoundaryEvent",
                "RecordRecoveryTask",
                "CheckoutRecoveredEndEvent");
        assertThat(engine.reachedElements(journey))
                .doesNotContain("SecondReminderContactPolicyActivity", "SendSecondCartReminderTask");
        assertThat(engine.isCompleted(journey)).isTrue();
    }

    @Test
    void anEmptiedCartEndsTheJourneyBeforeAnyReminder() {
        long journey = startJourney();
        engine.completeJob(COLLECT_CHECKOUT_FACTS, newCustomerWithCartWorth(64));

        engine.publish(Message.CART_EMPTIED, A_CART, Map.of());
        engine.increaseTime(Duration.ofHours(72).plusMinutes(1));

        engine.assertCompletedInOrder(journey, "CartEmptiedBoundaryEvent", "CartEmptiedEndEvent");
        assertThat(engine.reachedElements(journey)).doesNotContain("FirstReminderContactPolicyActivity");
        assertThat(engine.isCompleted(journey)).isTrue();
    }

    @Test
    void anUnsubscribeEndsTheJourneyAtOnce() {
        long journey = startJourney();
        engine.completeJob(COLLECT_CHECKOUT_FACTS, newCustomerWithCartWorth(64));
        engine.increaseTime(Duration.ofHours(1).plusMinutes(1));
        remind();

        engine.publish(Message.CUSTOMER_UNSUBSCRIBED, A_CART, Map.of());
        engine.increaseTime(Duration.ofHours(72));

        engine.assertCompletedInOrder(journey, "CustomerUnsubscribedBoundaryEvent", "UnsubscribedEndEvent");
        assertThat(engine.reachedElements(journey)).doesNotContain("SendSecondCartReminderTask");
        assertThat(engine.isCompleted(journey)).isTrue();
    }

    @Test
    void aCustomerRemindedOfAnotherCartRecentlyIsNotRemindedAgain() {
        long journey = startJourney();

        engine.completeJob(COLLECT_CHECKOUT_FACTS, facts(true, 0, 64));

        engine.assertCompletedInOrder(
                journey, "LookUpCustomerAndCartTask", "RemindedRecentlyGateway", "NotRemindedAgainEndEvent");
        assertThat(engine.reachedElements(journey)).doesNotContain("RemindOfCartSubProcess");
        assertThat(engine.isCompleted(journey)).isTrue();
    }

    @Test
    void aReminderTheContactPolicySkipsIsNotSentAndTheJourneyWaitsForTheNext() {
        long journey = startJourney();
        engine.completeJob(COLLECT_CHECKOUT_FACTS, newCustomerWithCartWorth(64));
        engine.increaseTime(Duration.ofHours(1).plusMinutes(1));

        engine.completeJob(
                ContactPolicy.JobType.LOOK_UP_CONTACT_FACTS,
                ContactFactsFixture.mayBeContactedBut("marketingConsent", false));
        ActivatedJob skipped = engine.completeJob(ContactPolicy.JobType.RECORD_SKIPPED_MESSAGE, Map.of());

        assertThat(skipped.getVariablesAsMap()).containsEntry(ContactPolicy.Variable.JOURNEY_STEP, "CART_REMINDER_1");
        engine.assertCompletedInOrder(
                journey,
                "FirstReminderContactPolicyActivity",
                "FirstReminderContactAllowedGateway",
                "FirstReminderContactJoinGateway");
        assertThat(engine.reachedElements(journey)).doesNotContain("SendFirstCartReminderTask");
        assertThat(engine.activeElements(journey)).contains("SecondReminderDueEvent");

        engine.increaseTime(Duration.ofHours(23));
        assertThat(remind().getVariablesAsMap()).containsEntry(Variable.REMINDER, 2);
    }

    @Test
    void aMarketingMessageWithinTheFrequencyCapDoesNotHoldBackACartReminder() {
        long journey = startJourney();
        engine.completeJob(COLLECT_CHECKOUT_FACTS, newCustomerWithCartWorth(64));
        engine.increaseTime(Duration.ofHours(1).plusMinutes(1));

        engine.completeJob(
                ContactPolicy.JobType.LOOK_UP_CONTACT_FACTS,
                ContactFactsFixture.mayBeContactedBut("marketingSentInCapPeriod", 1));
        engine.completeJob(SEND_CART_REMINDER, Map.of());

        engine.assertCompletedInOrder(journey, "FirstReminderContactPolicyActivity", "SendFirstCartReminderTask");
    }

    @Test
    void aCartHasAtMostOneRunningJourney() {
        startJourney();

        engine.publishStart(Message.CHECKOUT_STARTED, A_CART, started());

        assertThat(engine.instancesOf(AbandonedCheckout.PROCESS_ID)).hasSize(1);
    }

    @Test
    void aVariantOfTheFirstReminderDoesNotReachTheSecond() {
        startJourney();
        engine.completeJob(COLLECT_CHECKOUT_FACTS, newCustomerWithCartWorth(64));
        engine.increaseTime(Duration.ofHours(1).plusMinutes(1));
        engine.completeJob(
                ContactPolicy.JobType.LOOK_UP_CONTACT_FACTS,
                ContactFactsFixture.mayBeContactedBut("variant", Map.of("name", "Short", "template", "cart-short")));
        ActivatedJob first = engine.completeJob(SEND_CART_REMINDER, Map.of());
        engine.increaseTime(Duration.ofHours(23));

        ActivatedJob second = remind();

        assertThat(first.getVariablesAsMap().get("variant"))
                .asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
                .containsEntry("template", "cart-short");
        assertThat(second.getVariablesAsMap()).containsEntry("variant", null);
    }

    /** The contact policy lets the reminder go, and it is sent; answers the send job. */
    private ActivatedJob remind() {
        engine.completeJob(ContactPolicy.JobType.LOOK_UP_CONTACT_FACTS, ContactFactsFixture.mayBeContacted());
        return engine.completeJob(SEND_CART_REMINDER, Map.of());
    }

    private static Map<String, Object> newCustomerWithCartWorth(int cartValue) {
        return facts(false, 0, cartValue);
    }

    private static Map<String, Object> facts(boolean remindedRecently, int ordersPlaced, int cartValue) {
        return Map.of(
                Variable.REMINDED_RECENTLY,
                remindedRecently,
                Variable.ORDERS_PLACED,
                ordersPlaced,
                Variable.CART_VALUE,
                cartValue);
    }

    private long startJourney() {
        engine.publishStart(Message.CHECKOUT_STARTED, A_CART, started());
        return engine.instancesOf(AbandonedCheckout.PROCESS_ID).get(0);
    }

    private Map<String, Object> started() {
        return Map.of(
                Variable.CART_ID,
                A_CART,
                OrderFulfillment.Variable.CUSTOMER_ID,
                A_CUSTOMER,
                Variable.CHECKOUT_STARTED_AT,
                engine.now());
    }
}
