package io.nurture.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.testkit.NurtureClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvoiceOrderJourneyIntegrationTest extends JourneyTest {

    private static final String SKU = "POT-GLASS-1L";

    @Test
    void paidInvoiceShipsOrder() {
        String email = newCustomerEmail();
        String orderId = place(order(email, SKU, 1, invoice()));
        awaitStatus(orderId, "AWAITING_PAYMENT");

        NurtureClient.Answer payment = api.post(
                "/api/orders/" + orderId + "/payments", Map.of("amount", "34.00", "reference", "BANK-2026-0001"));

        assertThat(payment.status()).isEqualTo(202);
        NurtureClient.Answer shipped = awaitStatus(orderId, "SHIPPED");
        assertThat(shipped.body().path("payment").path("status").asText()).isEqualTo("CAPTURED");
        assertThat(timelineStatuses(orderId)).containsSubsequence("AWAITING_PAYMENT", "PAID", "SHIPPED");
        assertThat(mailSubjectsFor(email)).contains("Your invoice for order " + orderId, "Payment received");
    }

    @Test
    void resentPaymentIsAnsweredAgainAndPaysOnce() {
        String email = newCustomerEmail();
        String orderId = place(order(email, SKU, 1, invoice()));
        awaitStatus(orderId, "AWAITING_PAYMENT");
        Map<String, String> payment = Map.of("amount", "34.00", "reference", "BANK-RESENT-1");

        NurtureClient.Answer first = api.post("/api/orders/" + orderId + "/payments", payment);
        NurtureClient.Answer resent = api.post("/api/orders/" + orderId + "/payments", payment);
        awaitStatus(orderId, "SHIPPED");
        NurtureClient.Answer resentAfterShipping = api.post("/api/orders/" + orderId + "/payments", payment);

        assertThat(List.of(first.status(), resent.status(), resentAfterShipping.status()))
                .containsOnly(202);
        assertThat(timelineStatuses(orderId)).containsOnlyOnce("PAID");
        assertThat(mailSubjectsFor(email)).containsOnlyOnce("Payment received");
    }

    @Test
    void secondDifferentPaymentForAPaidInvoiceIsRefusedNamingTheFirst() {
        String orderId = place(order(newCustomerEmail(), SKU, 1, invoice()));
        awaitStatus(orderId, "AWAITING_PAYMENT");
        api.post("/api/orders/" + orderId + "/payments", Map.of("amount", "34.00", "reference", "BANK-FIRST"));

        NurtureClient.Answer second =
                api.post("/api/orders/" + orderId + "/payments", Map.of("amount", "34.00", "reference", "BANK-SECOND"));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("detail")).contains("BANK-FIRST");
    }

    @Test
    void paymentOfTheWrongAmountIsRefusedNamingTheAmount() {
        String orderId = place(order(newCustomerEmail(), SKU, 1, invoice()));
        awaitStatus(orderId, "AWAITING_PAYMENT");

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
        int stockBefore = available(sku);
        String orderId = place(order(email, sku, 2, invoice()));
        awaitStatus(orderId, "AWAITING_PAYMENT");
        assertThat(available(sku)).isEqualTo(stockBefore - 2);
        awaitWaitingAt(orderId, "WaitForInvoicePaymentTask");

        advanceClock("P7DT1H");
        await().atMost(PATIENCE)
                .until(() -> mailSubjectsFor(email).contains("Reminder: your invoice for order " + orderId));
        advanceClock("P7D");

        NurtureClient.Answer cancelled = awaitStatus(orderId, "CANCELLED");
        assertThat(cancelled
                        .body()
                        .path("timeline")
                        .get(cancelled.body().path("timeline").size() - 1)
                        .path("note")
                        .asText())
                .contains("invoice was not paid");
        assertThat(available(sku)).isEqualTo(stockBefore);
        assertThat(templatesSentTo(cancelled.text("customerId")))
                .containsExactly("invoice-issued", "payment-reminder", "order-cancelled");
    }
}
