package io.nurture.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.testkit.NurtureClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CancellationJourneyIntegrationTest extends JourneyTest {

    @Test
    void declinedCardCancelsOrderAndReleasesStock() {
        String sku = "INF-STEEL";
        int stockBefore = available(sku);

        String orderId = place(order(newCustomerEmail(), sku, 3, card("tok_declined")));

        NurtureClient.Answer cancelled = awaitStatus(orderId, "CANCELLED");
        assertThat(cancelled.body().path("payment").path("status").asText()).isEqualTo("DECLINED");
        assertThat(available(sku)).isEqualTo(stockBefore);
        assertThat(reserved(sku)).isZero();
        assertThat(templatesSentTo(cancelled.text("customerId"))).containsExactly("order-cancelled");
    }

    @Test
    void cancellationAfterChargeRefundsThePaymentAndReleasesStock() {
        String sku = "GFT-SAMPLER";
        int stockBefore = available(sku);
        String orderId = place(
                order(newCustomerEmail(), List.of(Map.of("sku", sku, "quantity", 1)), card("tok_visa"), "DE", "99999"));
        awaitStatus(orderId, "PAID");

        NurtureClient.Answer answer = api.post("/api/orders/" + orderId + "/cancellation", "");

        assertThat(answer.status()).isEqualTo(202);
        NurtureClient.Answer cancelled = awaitStatus(orderId, "CANCELLED");
        assertThat(cancelled.body().path("payment").path("status").asText()).isEqualTo("REFUNDED");
        assertThat(cancelled.body().path("trackingNumber").isNull()).isTrue();
        assertThat(available(sku)).isEqualTo(stockBefore);
        assertThat(templatesSentTo(cancelled.text("customerId"))).containsExactly("order-confirmed", "order-cancelled");
    }

    @Test
    void cancellationWhileAwaitingInvoicePaymentReleasesStockWithoutRefund() {
        String sku = "FLT-PAPER-100";
        int stockBefore = available(sku);
        String orderId = place(order(newCustomerEmail(), sku, 5, invoice()));
        awaitStatus(orderId, "AWAITING_PAYMENT");

        api.post("/api/orders/" + orderId + "/cancellation", "");

        NurtureClient.Answer cancelled = awaitStatus(orderId, "CANCELLED");
        assertThat(cancelled.body().path("payment").path("status").asText()).isEqualTo("PENDING");
        assertThat(available(sku)).isEqualTo(stockBefore);
    }

    @Test
    void invoicePaymentArrivingAfterCancellationIsRecordedAndOwedBack() {
        String orderId = place(order(newCustomerEmail(), "FLT-PAPER-100", 1, invoice()));
        awaitStatus(orderId, "AWAITING_PAYMENT");
        api.post("/api/orders/" + orderId + "/cancellation", "");
        awaitStatus(orderId, "CANCELLED");

        NurtureClient.Answer late =
                api.post("/api/orders/" + orderId + "/payments", Map.of("amount", "4.50", "reference", "BANK-LATE-1"));

        assertThat(late.status()).isEqualTo(202);
        assertThat(late.text("message")).contains("owed back");
        NurtureClient.Answer order = api.get("/api/orders/" + orderId);
        assertThat(order.body().path("payment").path("status").asText()).isEqualTo("OWED");
        assertThat(order.body().path("timeline").findValuesAsText("note"))
                .anyMatch(note -> note.contains("BANK-LATE-1"));
        assertThat(mailSubjectsFor("ops@nurture.example")).contains("Refund owed: payment for ended order " + orderId);
        assertThat(api.get("/api/refunds").body().findValuesAsText("orderId")).contains(orderId);
    }

    @Test
    void backorderedOrderShipsAfterRestock() {
        String sku = "GRN-BURR";
        restock(sku, 0);
        String email = newCustomerEmail();
        String orderId = place(order(email, sku, 2, card("tok_visa")));
        awaitStatus(orderId, "BACKORDERED");

        restock(sku, 1);
        await().during(Duration.ofSeconds(1))
                .atMost(PATIENCE)
                .until(() -> api.get("/api/orders/" + orderId).text("status").equals("BACKORDERED"));
        restock(sku, 5);

        awaitStatus(orderId, "SHIPPED");
        assertThat(available(sku)).isEqualTo(3);
        assertThat(timelineStatuses(orderId)).containsExactly("RECEIVED", "BACKORDERED", "PAID", "SHIPPED");
        assertThat(mailSubjectsFor(email)).contains("Your order is waiting for stock");
    }

    @Test
    void backorderStillShortAfterFourteenDaysIsCancelled() {
        String sku = "KET-GOOSENECK";
        restock(sku, 0);
        String orderId = place(order(newCustomerEmail(), sku, 1, invoice()));
        awaitStatus(orderId, "BACKORDERED");
        awaitWaitingAt(orderId, "StockReplenishedEvent");

        advanceClock("P14DT1H");

        NurtureClient.Answer cancelled = awaitStatus(orderId, "CANCELLED");
        assertThat(cancelled
                        .body()
                        .path("timeline")
                        .get(cancelled.body().path("timeline").size() - 1)
                        .path("note")
                        .asText())
                .contains("did not come back in stock");
        assertThat(reserved(sku)).isZero();
    }
}
