package io.nurture.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.testkit.NurtureClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskReviewJourneyIntegrationTest extends JourneyTest {

    private static final String PRICEY = "MCH-ESPRESSO-PRO";

    @Test
    void largeFirstOrderBilledAbroadIsRejectedAndCustomerTold() {
        String email = newCustomerEmail();

        String orderId =
                place(order(email, List.of(Map.of("sku", PRICEY, "quantity", 2)), card("tok_visa"), "FR", "10115"));

        NurtureClient.Answer rejected = awaitStatus(orderId, "REJECTED");
        assertThat(rejected.body().path("payment").path("status").asText()).isEqualTo("PENDING");
        assertThat(mailSubjectsFor(email)).contains("We could not accept your order");
    }

    @Test
    void approvedReviewLetsTheOrderProceed() {
        String orderId = place(order(
                newCustomerEmail(), List.of(Map.of("sku", PRICEY, "quantity", 2)), card("tok_visa"), "DE", "10115"));
        awaitStatus(orderId, "IN_REVIEW");

        NurtureClient.Answer decision =
                api.post("/api/orders/" + orderId + "/review", Map.of("approved", true, "note", "Called the customer"));

        assertThat(decision.status()).isEqualTo(202);
        awaitStatus(orderId, "SHIPPED");
        assertThat(mailSubjectsFor("ops@nurture.example")).contains("Order " + orderId + " needs a risk review");
    }

    @Test
    void declinedReviewRejectsTheOrder() {
        String orderId = place(order(
                newCustomerEmail(),
                List.of(Map.of("sku", "TEA-SENCHA-100", "quantity", 1)),
                card("tok_visa"),
                "AT",
                "10115"));
        awaitStatus(orderId, "IN_REVIEW");

        api.post("/api/orders/" + orderId + "/review", Map.of("approved", false));

        awaitStatus(orderId, "REJECTED");
    }

    @Test
    void reviewUndecidedForTwoDaysRejectsTheOrder() {
        String orderId = place(order(
                newCustomerEmail(),
                List.of(Map.of("sku", "TEA-ASSAM-250", "quantity", 1)),
                card("tok_visa"),
                "AT",
                "10115"));
        awaitStatus(orderId, "IN_REVIEW");
        awaitWaitingAt(orderId, "AwaitReviewDecisionGateway");

        advanceClock("P2DT1H");

        awaitStatus(orderId, "REJECTED");
    }

    @Test
    void reviewOfAnOrderNotInReviewIsAConflict() {
        String orderId = place(order(newCustomerEmail(), "TEA-SENCHA-100", 1, card("tok_visa")));
        awaitStatus(orderId, "SHIPPED");

        NurtureClient.Answer decision = api.post("/api/orders/" + orderId + "/review", Map.of("approved", true));

        assertThat(decision.status()).isEqualTo(409);
    }
}
