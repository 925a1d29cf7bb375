package io.nurture.risk;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;

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
class RiskReviewJourneyIntegrationTest {

    private static final String PRICEY = "MCH-ESPRESSO-PRO";

    @Autowired
    EngineRecords engineRecords;

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Autowired
    Mailbox mailbox;

    @Test
    void largeFirstOrderBilledAbroadIsRejectedAndCustomerTold() {
        String email = newCustomerEmail();

        String orderId = shop.place(
                shop.order(email, List.of(Map.of("sku", PRICEY, "quantity", 2)), card("tok_visa"), "FR", "10115"));

        NurtureClient.Answer rejected = shop.awaitStatus(orderId, "REJECTED");
        assertThat(rejected.body().path("payment").path("status").asText()).isEqualTo("PENDING");
        assertThat(mailbox.subjectsFor(email)).contains("We could not accept your order");
    }

    @Test
    void approvedReviewLetsTheOrderProceed() {
        String orderId = shop.place(shop.order(
                newCustomerEmail(), List.of(Map.of("sku", PRICEY, "quantity", 2)), card("tok_visa"), "DE", "10115"));
        shop.awaitStatus(orderId, "IN_REVIEW");

        NurtureClient.Answer decision =
                api.post("/api/orders/" + orderId + "/review", Map.of("approved", true, "note", "Called the customer"));

        assertThat(decision.status()).isEqualTo(202);
        shop.awaitStatus(orderId, "SHIPPED");
        assertThat(mailbox.subjectsFor("ops@nurture.example")).contains("Order " + orderId + " needs a risk review");
    }

    @Test
    void declinedReviewRejectsTheOrder() {
        String orderId = shop.place(shop.order(
                newCustomerEmail(),
                List.of(Map.of("sku", "TEA-SENCHA-100", "quantity", 1)),
                card("tok_visa"),
                "AT",
                "10115"));
        shop.awaitStatus(orderId, "IN_REVIEW");

        api.post("/api/orders/" + orderId + "/review", Map.of("approved", false));

        shop.awaitStatus(orderId, "REJECTED");
    }

    @Test
    void reviewUndecidedForTwoDaysRejectsTheOrder() {
        String orderId = shop.place(shop.order(
                newCustomerEmail(),
                List.of(Map.of("sku", "TEA-ASSAM-250", "quantity", 1)),
                card("tok_visa"),
                "AT",
                "10115"));
        shop.awaitStatus(orderId, "IN_REVIEW");
        engineRecords.awaitWaitingAt(orderId, "AwaitReviewDecisionGateway");

        shop.advanceClock("P2DT1H");

        shop.awaitStatus(orderId, "REJECTED");
    }

    @Test
    void reviewOfAnOrderNotInReviewIsAConflict() {
        String orderId = shop.place(shop.order(newCustomerEmail(), "TEA-SENCHA-100", 1, card("tok_visa")));
        shop.awaitStatus(orderId, "SHIPPED");

        NurtureClient.Answer decision = api.post("/api/orders/" + orderId + "/review", Map.of("approved", true));

        assertThat(decision.status()).isEqualTo(409);
    }
}
