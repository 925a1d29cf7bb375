package io.nurture.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.reliability.InjectedFault;
import org.junit.jupiter.api.Test;

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

    @Test
    void orderWhoseCancellationTheShipmentStepSeesFirstIsRefundedAndCancelledNotShipped() {
        String orderId = place(order(newCustomerEmail(), "CUP-CERAMIC-2", 1, card("tok_slow")));
        awaitWaitingAt(orderId, "ChargeCardTask");
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
}
