package io.nurture.reporting;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nurture.testing.EngineRecords;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testkit.NurtureClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The lifecycle metrics against a scripted scenario in a freshly started app (a new engine and
 * database; a shared one is closed first, as two embedded engines must not run in one JVM), so
 * that every figure can be checked exactly. It runs first of the in-JVM tests, when there is no
 * shared app yet to close: its app becomes the one the others share, and the suite pays one start
 * fewer (about 20 s on a busy machine).
 */
@Order(1)
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
@NurtureIntegrationTest
class LifecycleMetricsIntegrationTest {

    private static final String SKU = "COF-FILTER-500";

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Autowired
    EngineRecords engineRecords;

    @Test
    void metricsAgreeWithWhatTheScenarioDid() {
        Instant start = Instant.parse(api.get("/api/dev/clock").text("now")).minus(Duration.ofHours(1));
        String promoterOrder = shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa")));
        String promoter = shop.deliver(promoterOrder);
        String detractorOrder = shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa")));
        String detractor = shop.deliver(detractorOrder);
        String repeatEmail = newCustomerEmail();
        String repeatFirst = shop.place(shop.order(repeatEmail, SKU, 1, card("tok_visa")));
        String repeatBuyer = shop.deliver(repeatFirst);
        String repeatSecond = shop.place(shop.order(repeatEmail, SKU, 2, card("tok_visa")));
        shop.deliver(repeatSecond);
        shop.awaitStage(repeatBuyer, "RETAINED");
        List<String> orders = List.of(promoterOrder, detractorOrder, repeatFirst, repeatSecond);

        orders.forEach(order -> engineRecords.awaitWaitingAt(order, "FollowUpDueEvent"));
        shop.advanceClock("P3DT1H");
        orders.forEach(order -> engineRecords.awaitWaitingAt(order, "SurveyDueEvent"));
        shop.advanceClock("P4D");
        api.post("/api/surveys/" + shop.awaitSurveyToken(promoter, promoterOrder) + "/responses", Map.of("score", 10));
        api.post("/api/surveys/" + shop.awaitSurveyToken(detractor, detractorOrder) + "/responses", Map.of("score", 3));
        shop.awaitStage(promoter, "ADVOCATE");
        shop.awaitStage(detractor, "AT_RISK");
        await().atMost(Shop.PATIENCE)
                .until(() -> api.get("/api/customers/" + repeatBuyer + "/surveys")
                                .body()
                                .size()
                        == 2);

        Instant end = Instant.parse(api.get("/api/dev/clock").text("now")).plus(Duration.ofHours(1));
        JsonNode metrics =
                api.get("/api/metrics/lifecycle?from=" + start + "&to=" + end).body();

        assertThat(metrics.path("customersByStage")).isEqualTo(stages(0, 0, 1, 1, 1, 0));
        assertThat(metrics.path("stageTransitions")).isEqualTo(stages(0, 3, 1, 1, 1, 0));
        assertThat(metrics.path("repeatPurchaseRate").decimalValue()).isEqualByComparingTo("0.333");
        assertThat(metrics.path("surveys").path("sent").asInt()).isEqualTo(4);
        assertThat(metrics.path("surveys").path("answered").asInt()).isEqualTo(2);
        assertThat(metrics.path("surveys").path("responseRate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(metrics.path("surveys").path("nps").decimalValue()).isEqualByComparingTo("0");
        assertThat(metrics.path("reEngagement").path("sent").asInt()).isZero();
        assertThat(metrics.path("winBack").path("sent").asInt()).isZero();
        assertThat(metrics.path("medianOrderToDeliveryHours").decimalValue()).isLessThan(BigDecimal.ONE);

        // In two halves: all delivered in the first, the survey answers move two customers in the second.
        JsonNode halves = api.get("/api/metrics/lifecycle/series?from=" + start + "&to=" + end + "&parts=2")
                .body();
        assertThat(halves).hasSize(2);
        assertThat(halves.get(0).path("customersByStage")).isEqualTo(stages(0, 2, 1, 0, 0, 0));
        assertThat(halves.get(0).path("stageTransitions")).isEqualTo(stages(0, 3, 1, 0, 0, 0));
        assertThat(halves.get(0).path("surveys").path("sent").asInt()).isZero();
        assertThat(halves.get(1).path("customersByStage")).isEqualTo(metrics.path("customersByStage"));
        assertThat(halves.get(1).path("stageTransitions")).isEqualTo(stages(0, 0, 0, 1, 1, 0));
        assertThat(halves.get(1).path("surveys").path("nps").decimalValue()).isEqualByComparingTo("0");
        assertThat(halves.get(1).path("to").asText())
                .isEqualTo(metrics.path("to").asText());
    }

    @Test
    void aSeriesOfMoreThanSixtyPartsIsRefused() {
        NurtureClient.Answer answer = api.get("/api/metrics/lifecycle/series?parts=61");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("errors").findValuesAsText("field")).containsExactly("parts");
    }

    @Test
    void periodBeforeAnyDeliveryHasNoRepeatRateRatherThanAnError() {
        NurtureClient.Answer answer = api.get("/api/metrics/lifecycle?from=2020-01-01&to=2020-02-01");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("repeatPurchaseRate").isNull()).isTrue();
    }

    @Test
    void periodWithFromAfterToIsRefused() {
        NurtureClient.Answer answer = api.get("/api/metrics/lifecycle?from=2026-12-01&to=2026-11-01");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("errors").findValuesAsText("field")).containsExactly("from");
    }

    private static JsonNode stages(int prospect, int converted, int retained, int advocate, int atRisk, int lapsed) {
        return new ObjectMapper()
                .valueToTree(Map.of(
                        "PROSPECT",
                        prospect,
                        "CONVERTED",
                        converted,
                        "RETAINED",
                        retained,
                        "ADVOCATE",
                        advocate,
                        "AT_RISK",
                        atRisk,
                        "LAPSED",
                        lapsed));
    }
}
