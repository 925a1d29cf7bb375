package io.nurture.order;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.testing.EngineRecords;
import io.nurture.testing.Mailbox;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testkit.NurtureClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@NurtureIntegrationTest
class CardOrderJourneyIntegrationTest {

    private static final String SKU = "CUP-CERAMIC-2";

    @Autowired
    EngineRecords engineRecords;

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Autowired
    Mailbox mailbox;

    @Test
    void cardOrderIsChargedShippedAndDeliveredWithAMailAtEachStep() {
        String email = newCustomerEmail();
        int stockBefore = shop.available(SKU);

        String orderId = shop.place(shop.order(email, SKU, 2, card("tok_visa")));
        NurtureClient.Answer shipped = shop.awaitStatus(orderId, "SHIPPED");
        String trackingNumber = shipped.text("trackingNumber");
        NurtureClient.Answer event =
                api.post("/api/shipments/" + trackingNumber + "/events", Map.of("type", "DELIVERED"));
        NurtureClient.Answer delivered = shop.awaitStatus(orderId, "DELIVERED");

        assertThat(event.status()).isEqualTo(202);
        assertThat(trackingNumber).startsWith("SBX");
        assertThat(delivered.body().path("payment").path("status").asText()).isEqualTo("CAPTURED");
        assertThat(delivered.body().path("total").decimalValue()).isEqualByComparingTo("48.00");
        assertThat(shop.timelineStatuses(orderId)).containsExactly("RECEIVED", "PAID", "SHIPPED", "DELIVERED");
        assertThat(shop.available(SKU)).isEqualTo(stockBefore - 2);
        String customerId = delivered.text("customerId");
        assertThat(shop.templatesSentTo(customerId))
                .containsExactly("order-confirmed", "order-shipped", "order-delivered");
        assertThat(mailbox.subjectsFor(email))
                .contains("Your order is confirmed", "Your order is on its way", "Your order has arrived");
        assertThat(mailbox.bodiesFor(email))
                .anySatisfy(body -> assertThat(body).contains("We charged 48.00 EUR", "- 2 x " + SKU))
                .anySatisfy(body -> assertThat(body).contains("Tracking number: " + trackingNumber));
    }

    @Test
    void repeatedDeliveryEventIsAcceptedAndChangesNothing() {
        String orderId = shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa")));
        String trackingNumber = shop.awaitStatus(orderId, "SHIPPED").text("trackingNumber");
        api.post("/api/shipments/" + trackingNumber + "/events", Map.of("type", "DELIVERED"));
        shop.awaitStatus(orderId, "DELIVERED");

        NurtureClient.Answer repeat =
                api.post("/api/shipments/" + trackingNumber + "/events", Map.of("type", "DELIVERED"));

        assertThat(repeat.status()).isEqualTo(202);
        assertThat(repeat.body().path("duplicate").asBoolean()).isTrue();
        assertThat(shop.timelineStatuses(orderId)).containsOnlyOnce("DELIVERED");
    }

    @Test
    void theSameDeliveryEventSentEightTimesAtOnceIsRecordedOnceAndEveryCallIsAnswered() throws Exception {
        String orderId = shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa")));
        String trackingNumber = shop.awaitStatus(orderId, "SHIPPED").text("trackingNumber");
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
        shop.awaitStatus(orderId, "DELIVERED");
        assertThat(shop.timelineStatuses(orderId)).containsOnlyOnce("DELIVERED");
    }

    @Test
    void deliveryEventForUnknownTrackingNumberIsNotFound() {
        NurtureClient.Answer answer = api.post("/api/shipments/SBXNOSUCHPARCEL/events", Map.of("type", "DELIVERED"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void cancellationAfterShipmentIsRefusedWithTheReason() {
        String orderId = shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa")));
        shop.awaitStatus(orderId, "SHIPPED");

        NurtureClient.Answer answer = api.post("/api/orders/" + orderId + "/cancellation", "");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.text("detail")).contains("SHIPPED");
    }

    @Test
    void slowCardIsChargedAndShipped() {
        String orderId = shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_slow")));

        NurtureClient.Answer shipped = shop.awaitStatus(orderId, "SHIPPED");

        assertThat(shipped.body().path("payment").path("status").asText()).isEqualTo("CAPTURED");
    }

    @Test
    void deliveryOverdueAfterTenDaysAlertsCustomerAndOpsAndKeepsWaiting() {
        String email = newCustomerEmail();
        String orderId = shop.place(shop.order(email, SKU, 1, card("tok_visa")));
        shop.awaitStatus(orderId, "SHIPPED");
        engineRecords.awaitWaitingAt(orderId, "WaitForDeliveryTask");

        shop.advanceClock("P10DT1H");

        await().atMost(Shop.PATIENCE)
                .until(() -> mailbox.subjectsFor(email).contains("Your parcel is taking longer than usual"));
        await().atMost(Shop.PATIENCE)
                .until(() ->
                        mailbox.subjectsFor("ops@nurture.example").contains("Delivery overdue for order " + orderId));
        assertThat(api.get("/api/orders/" + orderId).text("status")).isEqualTo("SHIPPED");
    }
}
