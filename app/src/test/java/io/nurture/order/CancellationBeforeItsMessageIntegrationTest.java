package io.nurture.order;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.processes.OrderFulfillment.JobType;
import io.nurture.reliability.InjectedFault;
import io.nurture.testing.EngineBackPressure;
import io.nurture.testing.EngineRecords;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testing.Tables;
import io.nurture.testing.WorkerFaults;
import io.nurture.testkit.NurtureClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A cancellation is committed before its message reaches the engine (outbox). A step that runs in
 * between sees the request first: it must not ship the order (the process would leave the part the
 * message interrupts, and the order would wait for a delivery forever) but start the compensation.
 * The engine is made to push back on the message, and the cancellation is sent from the shipping
 * step's own thread just before it starts, so the step surely runs first. Found as a flaky run of
 * {@code WorkerCrashIntegrationTest}: the order stayed PAID, the message expired unheard.
 */
@InjectedFault(
        id = 17,
        fault = "a step runs between a cancellation's commit and its message",
        injected =
                "the engine refuses the next publishes; the cancellation commits right before the shipping step starts",
        holds =
                "the shipping step sees the request and ends with Order cannot proceed: CHARGE and REFUND, no shipment, one cancellation mail")
@NurtureIntegrationTest
class CancellationBeforeItsMessageIntegrationTest {

    @Autowired
    WorkerFaults faults;

    @Autowired
    EngineBackPressure backPressure;

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Autowired
    EngineRecords engineRecords;

    @Autowired
    Tables tables;

    @Test
    void orderWhoseCancellationTheShipmentStepSeesFirstIsRefundedAndCancelledNotShipped() {
        CompletableFuture<String> placed = new CompletableFuture<>();
        AtomicInteger cancellationAnswer = new AtomicInteger();
        faults.beforeRunFor(JobType.CREATE_SHIPMENT, placed, () -> {
            backPressure.refuseNext("PublishMessage", 12);
            cancellationAnswer.set(api.post("/api/orders/" + placed.join() + "/cancellation", "")
                    .status());
        });

        String orderId = shop.place(shop.order(newCustomerEmail(), "CUP-CERAMIC-2", 1, card("tok_visa")));
        placed.complete(orderId);

        NurtureClient.Answer cancelled = shop.awaitStatus(orderId, "CANCELLED");

        assertThat(cancellationAnswer).hasValue(202);
        // The shipping step can end the order before the engine relay first tries the cancellation's message.
        await().atMost(Shop.PATIENCE).until(() -> backPressure.refusedCalls("PublishMessage") > 0);
        assertThat(tables.paymentKinds(orderId)).containsExactly("CHARGE", "REFUND");
        assertThat(tables.shipmentTrackingNumbers(orderId)).isEmpty();
        assertThat(shop.timelineStatuses(orderId)).doesNotContain("SHIPPED");
        assertThat(shop.templatesSentTo(cancelled.text("customerId"))).containsOnlyOnce("order-cancelled");
        assertThat(engineRecords.fulfillmentInstancesOf(orderId)).isEqualTo(1);
    }
}
