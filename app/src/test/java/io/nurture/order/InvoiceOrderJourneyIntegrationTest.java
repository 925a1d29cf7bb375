package io.nurture.order;

import static io.nurture.testing.OrderRequests.invoice;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.testing.EngineRecords;
import io.nurture.testing.Mailbox;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testkit.NurtureClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@NurtureIntegrationTest
class InvoiceOrderJourneyIntegrationTest {

    private static final String SKU = "POT-GLASS-1L";

    @Autowired
    EngineRecords engineRecords;

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Autowired
    Mailbox mailbox;

    @Test
    void paidInvoiceShipsOrder() {
        String email = newCustomerEmail();
        String orderId = shop.place(shop.order(email, SKU, 1, invoice()));
        shop.awaitStatus(orderId, "AWAITING_PAYMENT");

        NurtureClient.Answer payment = api.post(
                "/api/orders/" + orderId + "/payments", Map.of("amount", "34.00", "reference", "BANK-2026-0001"));

        assertThat(payment.status()).isEqualTo(202);
        NurtureClient.Answer shipped = shop.awaitStatus(orderId, "SHIPPED");
        assertThat(shipped.body().path("payment").path("status").asText()).isEqualTo("CAPTURED");
        assertThat(shop.timelineStatuses(orderId)).containsSubsequence("AWAITING_PAYMENT", "PAID", "SHIPPED");
        assertThat(mailbox.subjectsFor(email)).contains("Your invoice for order " + orderId, "Payment received");
    }

    @Test
    void resentPaymentIsAnsweredAgainAndPaysOnce() {
        String email = newCustomerEmail();
        String orderId = shop.place(shop.order(email, SKU, 1, invoice()));
        shop.awaitStatus(orderId, "AWAITING_PAYMENT");
        Map<String, String> payment = Map.of("amount", "34.00", "reference", "BANK-RESENT-1");

        NurtureClient.Answer first = api.post("/api/orders/" + orderId + "/payments", payment);
        NurtureClient.Answer resent = api.post("/api/orders/" + orderId + "/payments", payment);
        shop.awaitStatus(orderId, "SHIPPED");
        NurtureClient.Answer resentAfterShipping = api.post("/api/orders/" + orderId + "/payments", payment);

        assertThat(List.of(first.status(), resent.status(), resentAfterShipping.status()))
                .containsOnly(202);
        assertThat(shop.timelineStatuses(orderId)).containsOnlyOnce("PAID");
        assertThat(mailbox.subjectsFor(email)).containsOnlyOnce("Payment received");
    }

    @Test
    void secondDifferentPaymentForAPaidInvoiceIsRefusedNamingTheFirst() {
        String orderId = shop.place(shop.order(newCustomerEmail(), SKU, 1, invoice()));
        shop.awaitStatus(orderId, "AWAITING_PAYMENT");
        api.post("/api/orders/" + orderId + "/payments", Map.of("amount", "34.00", "reference", "BANK-FIRST"));

        NurtureClient.Answer second =
                api.post("/api/orders/" + orderId + "/payments", Map.of("amount", "34.00", "reference", "BANK-SECOND"));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("detail")).contains("BANK-FIRST");
    }

    @Test
    void paymentOfTheWrongAmountIsRefusedNamingTheAmount() {
        String orderId = shop.place(shop.order(newCustomerEmail(), SKU, 1, invoice()));
        shop.awaitStatus(orderId, "AWAITING_PAYMENT");

        NurtureClient.Answer payment = api.post(
                "/api/orders/" + orderId + "/payments", Map.of("amount", "10.00", "reference", "BANK-2026-0002"));

        assertThat(payment.status()).isEqualTo(400);
        assertThat(payment.body().path("errors").get(0).path("field").asText()).isEqualTo("amount");
        assertThat(api.get("/api/orders/" + orderId).text("status")).isEqualTo("AWAITING_PAYMENT");
    }

    @Test
    void unpaidInvoiceIsRemindedAfterSevenDaysThenCancelledAndStockReleased() {
        String email = newCustomerEmail();
        String sku = "CAD-BAMBOO";
        int stockBefore = shop.available(sku);
        String orderId = shop.place(shop.order(email, sku, 2, invoice()));
        shop.awaitStatus(orderId, "AWAITING_PAYMENT");
        assertThat(shop.available(sku)).isEqualTo(stockBefore - 2);
        engineRecords.awaitWaitingAt(orderId, "WaitForInvoicePaymentTask");

        shop.advanceClock("P7DT1H");
        await().atMost(Shop.PATIENCE)
                .until(() -> mailbox.subjectsFor(email).contains("Reminder: your invoice for order " + orderId));
        shop.advanceClock("P7D");

        NurtureClient.Answer cancelled = shop.awaitStatus(orderId, "CANCELLED");
        assertThat(cancelled
                        .body()
                        .path("timeline")
                        .get(cancelled.body().path("timeline").size() - 1)
                        .path("note")
                        .asText())
                .contains("invoice was not paid");
        assertThat(shop.available(sku)).isEqualTo(stockBefore);
        assertThat(shop.templatesSentTo(cancelled.text("customerId")))
                .containsExactly("invoice-issued", "payment-reminder", "order-cancelled");
    }
}
