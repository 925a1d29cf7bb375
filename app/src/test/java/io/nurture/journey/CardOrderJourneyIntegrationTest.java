package io.nurture.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.testkit.NurtureClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CardOrderJourneyIntegrationTest extends JourneyTest {

    private static final String SKU = "CUP-CERAMIC-2";

    @Test
    void cardOrderIsChargedShippedAndDeliveredWithAMailAtEachStep() {
        String email = newCustomerEmail();
        int stockBefore = available(SKU);

        String orderId = place(order(email, SKU, 2, card("tok_visa")));
        NurtureClient.Answer shipped = awaitStatus(orderId, "SHIPPED");
        String trackingNumber = shipped.text("trackingNumber");
        NurtureClient.Answer event =
                api.post("/api/shipments/" + trackingNumber + "/events", Map.of("type", "DELIVERED"));
        NurtureClient.Answer delivered = awaitStatus(orderId, "DELIVERED");

        assertThat(event.status()).isEqualTo(202);
        assertThat(trackingNumber).startsWith("SBX");
        assertThat(delivered.body().path("payment").path("status").asText()).isEqualTo("CAPTURED");
        assertThat(delivered.body().path("total").decimalValue()).isEqualByComparingTo("48.00");
        assertThat(timelineStatuses(orderId)).containsExactly("RECEIVED", "PAID", "SHIPPED", "DELIVERED");
        assertThat(available(SKU)).isEqualTo(stockBefore - 2);
        String customerId = delivered.text("customerId");
        assertThat(templatesSentTo(customerId)).containsExactly("order-confirmed", "order-shipped", "order-delivered");
        assertThat(mailSubjectsFor(email))
                .contains("Your order is confirmed", "Your order is on its way", "Your order has arrived");
    }

    @Test
    void repeatedDeliveryEventIsAcceptedAndChangesNothing() {
        String orderId = place(order(newCustomerEmail(), SKU, 1, card("tok_visa")));
        String trackingNumber = awaitStatus(orderId, "SHIPPED").text("trackingNumber");
        api.post("/api/shipments/" + trackingNumber + "/events", Map.of("type", "DELIVERED"));
        awaitStatus(orderId, "DELIVERED");

        NurtureClient.Answer repeat =
                api.post("/api/shipments/" + trackingNumber + "/events", Map.of("type", "DELIVERED"));

        assertThat(repeat.status()).isEqualTo(202);
        assertThat(repeat.body().path("duplicate").asBoolean()).isTrue();
        assertThat(timelineStatuses(orderId)).containsOnlyOnce("DELIVERED");
    }

    @Test
    void theSameDeliveryEventSentEightTimesAtOnceIsRecordedOnceAndEveryCallIsAnswered() throws Exception {
        String orderId = place(order(newCustomerEmail(), SKU, 1, card("tok_visa")));
        String trackingNumber = awaitStatus(orderId, "SHIPPED").text("trackingNumber");
        CyclicBarrier together = new CyclicBarrier(8);

        List<NurtureClient.Answer> answers;
        try (ExecutorService carrier = Executors.newFixedThreadPool(8)) {
            List<Future<NurtureClient.Answer>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(carrier.submit(() -> {
                    together.await();
                    return api.post("/api/shipments/" + trackingNumber + "/events", Map.of("type", "DELIVERED"));
                }));
            }
            answers = new ArrayList<>();
            for (Future<NurtureClient.Answer> answer : sent) {
                answers.add(answer.get());
            }
        }

        assertThat(answers).extracting(NurtureClient.Answer::status).containsOnly(202);
        assertThat(answers)
                .filteredOn(answer -> !answer.body().path("duplicate").asBoolean())
                .hasSize(1);
        awaitStatus(orderId, "DELIVERED");
        assertThat(timelineStatuses(orderId)).containsOnlyOnce("DELIVERED");
    }

    @Test
    void deliveryEventForUnknownTrackingNumberIsNotFound() {
        NurtureClient.Answer answer = api.post("/api/shipments/SBXNOSUCHPARCEL/events", Map.of("type", "DELIVERED"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void cancellationAfterShipmentIsRefusedWithTheReason() {
        String orderId = place(order(newCustomerEmail(), SKU, 1, card("tok_visa")));
        awaitStatus(orderId, "SHIPPED");

        NurtureClient.Answer answer = api.post("/api/orders/" + orderId + "/cancellation", "");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.text("detail")).contains("SHIPPED");
    }

    @Test
    void slowCardIsChargedAndShipped() {
        String orderId = place(order(newCustomerEmail(), SKU, 1, card("tok_slow")));

        NurtureClient.Answer shipped = awaitStatus(orderId, "SHIPPED");

        assertThat(shipped.body().path("payment").path("status").asText()).isEqualTo("CAPTURED");
    }

    @Test
    void deliveryOverdueAfterTenDaysAlertsCustomerAndOpsAndKeepsWaiting() {
        String email = newCustomerEmail();
        String orderId = place(order(email, SKU, 1, card("tok_visa")));
        awaitStatus(orderId, "SHIPPED");
        awaitWaitingAt(orderId, "WaitForDeliveryTask");

        advanceClock("P10DT1H");

        await().atMost(PATIENCE)
                .until(() -> mailSubjectsFor(email).contains("Your parcel is taking longer than usual"));
        await().atMost(PATIENCE)
                .until(() -> mailSubjectsFor("ops@nurture.example").contains("Delivery overdue for order " + orderId));
        assertThat(api.get("/api/orders/" + orderId).text("status")).isEqualTo("SHIPPED");
    }
}
