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
    final EmbeddedProcessEngine engine = new EmbeddedProcessEngine();

    @Test
    void silentCustomerGetsAReEngagementMessageAfter45Days() {
        long journey = startJourney();

        engine.increaseTime(Duration.ofDays(45).plusMinutes(1));
        engine.completeJob(SEND_RE_ENGAGEMENT, Map.of());

        engine.assertCompletedInOrder(journey, "NoPurchaseFor45DaysEvent", "SendReEngagementTask");
        assertThat(engine.activeElements(journey)).contains("AwaitPurchaseAfterReEngagementGateway");
    }

    @Test
    void winBackOfferIsSizedByTheCustomerSegmentAfter90Days() {
        long journey = winBackDue(820, 2);

        assertThat(engine.variable(journey, Variable.SEGMENT_OFFER)).isEqualTo("{\"segment\":\"VIP\",\"offerValue\":25}");
        assertThat(engine.activeElements(journey)).contains("SendWinBackOfferTask");
    }

    @Test
    void customerWithoutPurchaseFor180DaysLapsesAndTheJourneyEnds() {
        long journey = winBackDue(40, 1);
        engine.completeJob(SEND_WIN_BACK_OFFER, Map.of());

        engine.increaseTime(Duration.ofDays(90));
        engine.completeJob(MARK_CUSTOMER_LAPSED, Map.of());

        engine.assertCompletedInOrder(journey, "SendWinBackOfferTask", "NoPurchaseFor180DaysEvent",
                "MarkCustomerLapsedTask", "CustomerLapsedEndEvent");
        assertThat(engine.isCompleted(journey)).isTrue();
    }

    @Test
    void deliveredPurchaseRestartsTheCount() {
        long journey = startJourney();
        engine.increaseTime(Duration.ofDays(40));

        engine.publish(Message.PURCHASE_DELIVERED, A_CUSTOMER, Map.of());
        engine.increaseTime(Duration.ofDays(40));

        assertThat(engine.reachedElements(journey)).doesNotContain("SendReEngagementTask");
        engine.increaseTime(Duration.ofDays(6));
        engine.completeJob(SEND_RE_ENGAGEMENT, Map.of());
        engine.assertCompletedInOrder(journey, "PurchaseBeforeReEngagementEvent", "NoPurchaseFor45DaysEvent",
                "SendReEngagementTask");
    }

    @Test
    void purchaseAfterWinBackRestartsTheCountInsteadOfLapsing() {
        long journey = winBackDue(40, 1);
        engine.completeJob(SEND_WIN_BACK_OFFER, Map.of());

        engine.publish(Message.PURCHASE_DELIVERED, A_CUSTOMER, Map.of());

        assertThat(engine.completedElements(journey)).contains("PurchaseBeforeLapseEvent");
        assertThat(engine.activeElements(journey)).contains("AwaitPurchaseOrSilenceGateway");
        assertThat(engine.isCompleted(journey)).isFalse();
    }

    @Test
    void aCustomerHasAtMostOneRunningJourney() {
        startJourney();

        engine.publishStart(Message.JOURNEY_REQUESTED, A_CUSTOMER, Map.of(OrderFulfillment.Variable.CUSTOMER_ID, A_CUSTOMER));

        assertThat(engine.instancesOf(CustomerRetention.PROCESS_ID)).hasSize(1);
    }

    /** Silence for 90 days: re-engaged at 45, the customer's value looked up for the win-back. */
    private long winBackDue(int totalSpent, int orderCount) {
        long journey = startJourney();
        engine.increaseTime(Duration.ofDays(45).plusMinutes(1));
        engine.completeJob(SEND_RE_ENGAGEMENT, Map.of());
        engine.increaseTime(Duration.ofDays(45));
        engine.completeJob(COLLECT_CUSTOMER_FACTS, Map.of(Variable.TOTAL_SPENT, totalSpent, Variable.ORDER_COUNT, orderCount,
                Variable.DAYS_SINCE_LAST_ORDER, 90));
        return journey;
    }

    private long startJourney() {
        engine.publishStart(Message.JOURNEY_REQUESTED, A_CUSTOMER, Map.of(OrderFulfillment.Variable.CUSTOMER_ID, A_CUSTOMER));
        return engine.instancesOf(CustomerRetention.PROCESS_ID).get(0);
    }
}
