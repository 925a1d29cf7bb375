package io.nurture.processes;

import static io.nurture.processes.CustomerRetention.JobType.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.processes.CustomerRetention.Message;
import io.nurture.processes.CustomerRetention.Variable;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CustomerRetentionProcessTest {

    private static final String A_CUSTOMER = "customer-9";

    @RegisterExtension
    final EmbeddedProcessEngine engine = new EmbeddedProcessEngine(CustomerRetention.PROCESS_ID);

    @Test
    void silentCustomerGetsAReEngagementMessageAfter45Days() {
        long journey = startJourney();

        engine.increaseTime(Duration.ofDays(45).plusMinutes(1));
        reEngage();

        engine.assertCompletedInOrder(journey, "NoPurchaseFor45DaysEvent", "SendReEngagementTask");
        assertThat(engine.activeElements(journey)).contains("AwaitPurchaseAfterReEngagementGateway");
    }

    @Test
    void aCustomerWhoMayNotBeContactedIsStillMarkedAtRiskAndWalksOnToTheWinBackWait() {
        long journey = startJourney();
        engine.increaseTime(Duration.ofDays(45).plusMinutes(1));

        engine.completeJob(MARK_CUSTOMER_AT_RISK, Map.of());
        engine.completeJob(
                ContactPolicy.JobType.LOOK_UP_CONTACT_FACTS,
                ContactFactsFixture.mayBeContactedBut("marketingConsent", false));
        engine.completeJob(ContactPolicy.JobType.RECORD_SKIPPED_MESSAGE, Map.of());

        engine.assertCompletedInOrder(
                journey,
                "MarkCustomerAtRiskTask",
                "ReEngagementContactPolicyActivity",
                "ReEngagementContactAllowedGateway",
                "ReEngagementContactJoinGateway");
        assertThat(engine.reachedElements(journey)).doesNotContain("SendReEngagementTask");
        assertThat(engine.activeElements(journey)).contains("AwaitPurchaseAfterReEngagementGateway");
    }

    @Test
    void winBackOfferIsSizedByTheCustomerSegmentAfter90Days() {
        long journey = winBackDue(820, 2);

        assertThat(engine.variable(journey, Variable.SEGMENT_OFFER))
                .isEqualTo("{\"segment\":\"VIP\",\"offerValue\":25}");
        assertThat(engine.activeElements(journey)).contains("WinBackContactPolicyActivity");
    }

    @Test
    void customerWithoutPurchaseFor180DaysLapsesAndTheJourneyEnds() {
        long journey = winBackDue(40, 1);
        sendWinBackOffer();

        engine.increaseTime(Duration.ofDays(90));
        engine.completeJob(MARK_CUSTOMER_LAPSED, Map.of());

        engine.assertCompletedInOrder(
                journey,
                "SendWinBackOfferTask",
                "NoPurchaseFor180DaysEvent",
                "MarkCustomerLapsedTask",
                "CustomerLapsedEndEvent");
        assertThat(engine.isCompleted(journey)).isTrue();
    }

    @Test
    void lateReEngagementDoesNotDelayTheWinBackOffer() {
        long journey = startJourney();

        engine.increaseTime(Duration.ofDays(55));
        reEngage();
        engine.increaseTime(Duration.ofDays(35).plusMinutes(1));

        engine.completeJob(COLLECT_CUSTOMER_FACTS, facts(40, 1));
        engine.assertCompletedInOrder(
                journey, "SendReEngagementTask", "NoPurchaseFor90DaysEvent", "LookUpCustomerValueTask");
    }

    @Test
    void lateWinBackOfferDoesNotDelayTheLapse() {
        long journey = winBackDue(40, 1);

        engine.increaseTime(Duration.ofDays(30));
        sendWinBackOffer();
        engine.increaseTime(Duration.ofDays(60).plusMinutes(1));

        engine.completeJob(MARK_CUSTOMER_LAPSED, Map.of());
        engine.assertCompletedInOrder(
                journey, "SendWinBackOfferTask", "NoPurchaseFor180DaysEvent", "MarkCustomerLapsedTask");
    }

    @Test
    void oneClockMovePastEveryDueTimeReEngagesWinsBackAndLapsesInOrder() {
        long journey = startJourney();

        engine.increaseTime(Duration.ofDays(181));
        reEngage();
        engine.completeJob(COLLECT_CUSTOMER_FACTS, facts(40, 1));
        sendWinBackOffer();
        engine.completeJob(MARK_CUSTOMER_LAPSED, Map.of());

        engine.assertCompletedInOrder(
                journey,
                "NoPurchaseFor45DaysEvent",
                "SendReEngagementTask",
                "NoPurchaseFor90DaysEvent",
                "SendWinBackOfferTask",
                "NoPurchaseFor180DaysEvent",
                "MarkCustomerLapsedTask",
                "CustomerLapsedEndEvent");
    }

    @Test
    void journeyStartedLateCountsFromThePurchaseNotFromItsStart() {
        String purchasedAt = engine.ago(Duration.ofDays(50));
        engine.publishStart(
                Message.JOURNEY_REQUESTED,
                A_CUSTOMER,
                Map.of(OrderFulfillment.Variable.CUSTOMER_ID, A_CUSTOMER, Variable.LAST_PURCHASE_AT, purchasedAt));
        long journey = engine.instancesOf(CustomerRetention.PROCESS_ID).get(0);

        reEngage();

        engine.assertCompletedInOrder(journey, "NoPurchaseFor45DaysEvent", "SendReEngagementTask");
    }

    @Test
    void deliveredPurchaseRestartsTheCount() {
        long journey = startJourney();
        engine.increaseTime(Duration.ofDays(40));

        engine.publish(Message.PURCHASE_DELIVERED, A_CUSTOMER, purchasedNow());
        engine.increaseTime(Duration.ofDays(40));

        assertThat(engine.reachedElements(journey)).doesNotContain("SendReEngagementTask");
        engine.increaseTime(Duration.ofDays(6));
        reEngage();
        engine.assertCompletedInOrder(
                journey, "PurchaseBeforeReEngagementEvent", "NoPurchaseFor45DaysEvent", "SendReEngagementTask");
    }

    @Test
    void purchaseAfterWinBackRestartsTheCountInsteadOfLapsing() {
        long journey = winBackDue(40, 1);
        sendWinBackOffer();

        engine.publish(Message.PURCHASE_DELIVERED, A_CUSTOMER, purchasedNow());

        assertThat(engine.completedElements(journey)).contains("PurchaseBeforeLapseEvent");
        assertThat(engine.activeElements(journey)).contains("AwaitPurchaseOrSilenceGateway");
        assertThat(engine.isCompleted(journey)).isFalse();
    }

    @Test
    void aCustomerHasAtMostOneRunningJourney() {
        startJourney();

        engine.publishStart(
                Message.JOURNEY_REQUESTED,
                A_CUSTOMER,
                Map.of(OrderFulfillment.Variable.CUSTOMER_ID, A_CUSTOMER, Variable.LAST_PURCHASE_AT, engine.now()));

        assertThat(engine.instancesOf(CustomerRetention.PROCESS_ID)).hasSize(1);
    }

    /** Silence for 90 days: re-engaged at 45, the customer's value looked up for the win-back. */
    private long winBackDue(int totalSpent, int orderCount) {
        long journey = startJourney();
        engine.increaseTime(Duration.ofDays(45).plusMinutes(1));
        reEngage();
        engine.increaseTime(Duration.ofDays(45));
        engine.completeJob(COLLECT_CUSTOMER_FACTS, facts(totalSpent, orderCount));
        return journey;
    }

    /** At risk, the contact policy lets the message go, and it is sent. */
    private void reEngage() {
        engine.completeJob(MARK_CUSTOMER_AT_RISK, Map.of());
        engine.completeJob(ContactPolicy.JobType.LOOK_UP_CONTACT_FACTS, ContactFactsFixture.mayBeContacted());
        engine.completeJob(SEND_RE_ENGAGEMENT, Map.of());
    }

    private void sendWinBackOffer() {
        engine.completeJob(ContactPolicy.JobType.LOOK_UP_CONTACT_FACTS, ContactFactsFixture.mayBeContacted());
        engine.completeJob(SEND_WIN_BACK_OFFER, Map.of());
    }

    private static Map<String, Object> facts(int totalSpent, int orderCount) {
        return Map.of(
                Variable.TOTAL_SPENT, totalSpent, Variable.ORDER_COUNT, orderCount, Variable.DAYS_SINCE_LAST_ORDER, 90);
    }

    private long startJourney() {
        engine.publishStart(
                Message.JOURNEY_REQUESTED,
                A_CUSTOMER,
                Map.of(OrderFulfillment.Variable.CUSTOMER_ID, A_CUSTOMER, Variable.LAST_PURCHASE_AT, engine.now()));
        return engine.instancesOf(CustomerRetention.PROCESS_ID).get(0);
    }

    private Map<String, Object> purchasedNow() {
        return Map.of(Variable.LAST_PURCHASE_AT, engine.now());
    }
}
