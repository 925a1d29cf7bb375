package io.nurture.order;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.invoice;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.testing.EngineRecords;
import io.nurture.testing.Mailbox;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testkit.NurtureClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@NurtureIntegrationTest
class CancellationJourneyIntegrationTest {

    @Autowired
    EngineRecords engineRecords;

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Autowired
    Mailbox mailbox;

    @Test
    void declinedCardCancelsOrderAndReleasesStock() {
        String sku = "INF-STEEL";
        int stockBefore = shop.available(sku);

        String orderId = shop.place(shop.order(newCustomerEmail(), sku, 3, card("tok_declined")));

        NurtureClient.Answer cancelled = shop.awaitStatus(orderId, "CANCELLED");
        assertThat(cancelled.body().path("payment").path("status").asText()).isEqualTo("DECLINED");
        assertThat(shop.available(sku)).isEqualTo(stockBefore);
        assertThat(shop.reserved(sku)).isZero();
        assertThat(shop.templatesSentTo(cancelled.text("customerId"))).containsExactly("order-cancelled");
    }

    @Test
    void cancellationAfterChargeRefundsThePaymentAndReleasesStock() {
        String sku = "GFT-SAMPLER";
        int stockBefore = shop.available(sku);
        String orderId = shop.place(shop.order(
                newCustomerEmail(),
                List.of(Map.of("sku", sku, "quantity", 1)),
                card("tok_visa"),
                "DE",
                Shop.CARRIER_OUTAGE));
        shop.awaitStatus(orderId, "PAID");

        NurtureClient.Answer answer = api.post("/api/orders/" + orderId + "/cancellation", "");

        assertThat(answer.status()).isEqualTo(202);
        NurtureClient.Answer cancelled = shop.awaitStatus(orderId, "CANCELLED");
        assertThat(cancelled.body().path("payment").path("status").asText()).isEqualTo("REFUNDED");
        assertThat(cancelled.body().path("trackingNumber").isNull()).isTrue();
        assertThat(shop.available(sku)).isEqualTo(stockBefore);
        assertThat(shop.templatesSentTo(cancelled.text("customerId")))
                .containsExactly("order-confirmed", "order-cancelled");
    }

    @Test
    void cancellationWhileAwaitingInvoicePaymentReleasesStockWithoutRefund() {
        String sku = "FLT-PAPER-100";
        int stockBefore = shop.available(sku);
        String orderId = shop.place(shop.order(newCustomerEmail(), sku, 5, invoice()));
        shop.awaitStatus(orderId, "AWAITING_PAYMENT");

        api.post("/api/orders/" + orderId + "/cancellation", "");

        NurtureClient.Answer cancelled = shop.awaitStatus(orderId, "CANCELLED");
        assertThat(cancelled.body().path("payment").path("status").asText()).isEqualTo("PENDING");
        assertThat(shop.available(sku)).isEqualTo(stockBefore);
    }

    @Test
    void invoicePaymentArrivingAfterCancellationIsRecordedAndOwedBack() {
        String orderId = shop.place(shop.order(newCustomerEmail(), "FLT-PAPER-100", 1, invoice()));
        shop.awaitStatus(orderId, "AWAITING_PAYMENT");
        api.post("/api/orders/" + orderId + "/cancellation", "");
        shop.awaitStatus(orderId, "CANCELLED");

        NurtureClient.Answer late =
                api.post("/api/orders/" + orderId + "/payments", Map.of("amount", "4.50", "reference", "BANK-LATE-1"));

        assertThat(late.status()).isEqualTo(202);
        assertThat(late.text("message")).contains("owed back");
        NurtureClient.Answer order = api.get("/api/orders/" + orderId);
        assertThat(order.body().path("payment").path("status").asText()).isEqualTo("OWED");
        assertThat(order.body().path("timeline").findValuesAsText("note"))
                .anyMatch(note -> note.contains("BANK-LATE-1"));
        assertThat(mailbox.subjectsFor("ops@nurture.example"))
                .contains("Refund owed: payment for ended order " + orderId);
        assertThat(api.get("/api/refunds").body().findValuesAsText("orderId")).contains(orderId);
    }

    @Test
    void backorderedOrderShipsAfterRestock() {
        String sku = "GRN-BURR";
        shop.setStock(sku, 0);
        String email = newCustomerEmail();
        String orderId = shop.place(shop.order(email, sku, 2, card("tok_visa")));
        shop.awaitStatus(orderId, "BACKORDERED");

        shop.setStock(sku, 1);
        await().during(Duration.ofSeconds(1))
                .atMost(Shop.PATIENCE)
                .until(() -> api.get("/api/orders/" + orderId).text("status").equals("BACKORDERED"));
        shop.setStock(sku, 5);

        shop.awaitStatus(orderId, "SHIPPED");
        assertThat(shop.available(sku)).isEqualTo(3);
        assertThat(shop.timelineStatuses(orderId)).containsExactly("RECEIVED", "BACKORDERED", "PAID", "SHIPPED");
        assertThat(mailbox.subjectsFor(email)).contains("Your order is waiting for stock");
    }

    @Test
    void backorderStillShortAfterFourteenDaysIsCancelled() {
        String sku = "KET-GOOSENECK";
        shop.setStock(sku, 0);
        String orderId = shop.place(shop.order(newCustomerEmail(), sku, 1, invoice()));
        shop.awaitStatus(orderId, "BACKORDERED");
        engineRecords.awaitWaitingAt(orderId, "StockReplenishedEvent");

        shop.advanceClock("P14DT1H");

        NurtureClient.Answer cancelled = shop.awaitStatus(orderId, "CANCELLED");
        assertThat(cancelled
                        .body()
                        .path("timeline")
                        .get(cancelled.body().path("timeline").size() - 1)
                        .path("note")
                        .asText())
                .contains("did not come back in stock");
        assertThat(shop.reserved(sku)).isZero();
    }
}
