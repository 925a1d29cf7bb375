package io.nurture.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.processes.OrderFulfillment.JobType;
import io.nurture.reliability.InjectedFault;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A cancellation is committed before its message reaches the engine (outbox). A step that runs in
 * between sees the request first: it must not ship the order (the process would leave the part the
 * message interrupts, and the order would wait for a delivery forever) but start the compensation.
 * The engine is made to push back on the message, so the step surely runs first. Found as a flaky
 * run of {@code WorkerCrashIntegrationTest}: the order stayed PAID, the message expired unheard.
 */
@InjectedFault(id = 17, fault = "a step runs between a cancellation's commit and its message",
        injected = "a card order held on a slow charge; the engine refuses the next publishes while the cancellation commits",
        holds = "the shipping step sees the request and ends with Order cannot proceed: CHARGE and REFUND, no shipment, one cancellation mail")
class CancellationBeforeItsMessageIntegrationTest extends JourneyTest {

    @Autowired
    TransactionTemplate transactions;

    @Test
    void orderWhoseCancellationTheShipmentStepSeesFirstIsRefundedAndCancelledNotShipped() {
        int chargesBefore = faults.runsOf(JobType.CHARGE_CARD);
        String orderId = place(order(newCustomerEmail(), "CUP-CERAMIC-2", 1, card("tok_slow")));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10))
                .until(() -> faults.runsOf(JobType.CHARGE_CARD) > chargesBefore && lockedByAStep(orderId));
        backPressure.refuseNext("PublishMessage", 12);

        // Waits for the slow charge's row lock, then commits the request; its message is held back.
        api.post("/api/orders/" + orderId + "/cancellation", "");

        NurtureClient.Answer cancelled = awaitStatus(orderId, "CANCELLED");
        assertThat(backPressure.refusedCalls("PublishMessage")).isPositive();
        assertThat(paymentKinds(orderId)).containsExactly("CHARGE", "REFUND");
        assertThat(shipmentTrackingNumbers(orderId)).isEmpty();
        assertThat(timelineStatuses(orderId)).doesNotContain("SHIPPED");
        assertThat(templatesSentTo(cancelled.text("customerId"))).containsOnlyOnce("order-cancelled");
        assertThat(fulfillmentInstancesOf(orderId)).isEqualTo(1);
    }

    /**
     * The slow charge holds the order's row while the provider answers (1 s): a cheap, exact sign
     * that it is under way. Watching the engine's records for the waiting job missed that window
     * once in CI (the machine busy booting another test's app and broker), and the test then waited
     * for a state that had passed.
     */
    private boolean lockedByAStep(String orderId) {
        return Boolean.TRUE.equals(transactions.execute(tx -> db.sql("SELECT id FROM orders WHERE id = ? FOR UPDATE SKIP LOCKED")
                .param(orderId).query(String.class).optional().isEmpty()));
    }
}
