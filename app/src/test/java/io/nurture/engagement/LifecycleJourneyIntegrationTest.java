package io.nurture.engagement;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static io.nurture.testing.OrderRequests.with;
import static io.nurture.testing.OrderRequests.withConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.nurture.processes.CustomerRetention;
import io.nurture.testing.EngineRecords;
import io.nurture.testing.Mailbox;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testing.Tables;
import io.nurture.testkit.NurtureClient;
import jakarta.mail.MessagingException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@NurtureIntegrationTest
class LifecycleJourneyIntegrationTest {

    /** Above every holdout share: the win-back offer goes out (the default share would hold out one customer in ten). */
    private static final double TREATMENT = 0.99;

    private static final String SKU = "TEA-ASSAM-250";

    @Autowired
    EngineRecords engineRecords;

    @Autowired
    Tables tables;

    @Autowired
    GreenMail smtp;

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Autowired
    Mailbox mailbox;

    @Test
    void customerGoesFromFirstOrderToAdvocate() {
        String email = newCustomerEmail();
        String orderId = shop.place(withConsent(shop.order(email, SKU, 1, card("tok_visa")), true));
        String customerId = shop.deliver(orderId);
        shop.awaitStage(customerId, "CONVERTED");

        String token = shop.surveyAfterDelivery(customerId, orderId);
        NurtureClient.Answer answer = api.post("/api/surveys/" + token + "/responses", Map.of("score", 10));

        assertThat(answer.status()).isEqualTo(202);
        NurtureClient.Answer customer = shop.awaitStage(customerId, "ADVOCATE");
        assertThat(customer.body().path("lastNps").asInt()).isEqualTo(10);
        await().atMost(Shop.PATIENCE)
                .until(() -> mailbox.subjectsFor(email).contains("Glad you love it - tell a friend?"));
        List<String> stages = api.get("/api/customers/" + customerId + "/journey")
                .body()
                .path("stages")
                .findValuesAsText("to");
        assertThat(stages).containsExactly("CONVERTED", "ADVOCATE");
        assertThat(mailbox.subjectsFor(email)).contains("How is your order going?", "How did we do?");
        assertThat(shop.stepsOf(customerId)).containsSubsequence("FOLLOW_UP:SENT", "SURVEY:SENT", "ADVOCACY_ASK:SENT");
    }

    @Test
    void sevenDaysAfterDeliveryTheCustomerHasTheFollowUpAndThenTheSurvey() {
        String email = newCustomerEmail();
        String orderId = shop.place(shop.order(email, SKU, 1, card("tok_visa")));
        String customerId = shop.deliver(orderId);

        shop.advanceClock("P7DT1H");

        shop.awaitSurveyToken(customerId, orderId);
        assertThat(shop.stepsOf(customerId)).containsSubsequence("FOLLOW_UP:SENT", "SURVEY:SENT");
        await().atMost(Shop.PATIENCE)
                .untilAsserted(() -> assertThat(mailbox.subjectsFor(email))
                        .containsSubsequence("How is your order going?", "How did we do?"));
    }

    @Test
    void promoterWithoutConsentBecomesAdvocateButGetsNoMarketing() {
        String email = newCustomerEmail();
        String orderId = shop.place(shop.order(email, SKU, 1, card("tok_visa")));
        String customerId = shop.deliver(orderId);
        String token = shop.surveyAfterDelivery(customerId, orderId);

        api.post("/api/surveys/" + token + "/responses", Map.of("score", 9));

        shop.awaitStage(customerId, "ADVOCATE");
        await().atMost(Shop.PATIENCE)
                .until(() -> shop.stepsOf(customerId).contains("ADVOCACY_ASK:SKIPPED:NO_MARKETING_CONSENT"));
        assertThat(mailbox.subjectsFor(email)).doesNotContain("Glad you love it - tell a friend?");
    }

    @Test
    void detractorGoesThroughServiceRecovery() {
        String email = newCustomerEmail();
        String orderId = shop.place(shop.order(email, SKU, 1, card("tok_visa")));
        String customerId = shop.deliver(orderId);
        String token = shop.surveyAfterDelivery(customerId, orderId);

        api.post("/api/surveys/" + token + "/responses", Map.of("score", 2, "comment", "Parcel arrived damaged"));

        shop.awaitStage(customerId, "AT_RISK");
        NurtureClient.Answer coupons = await().atMost(Shop.PATIENCE)
                .until(
                        () -> api.get("/api/customers/" + customerId + "/coupons"),
                        answer -> answer.body().size() == 1);
        assertThat(coupons.body().get(0).path("kind").asText()).isEqualTo("SERVICE_RECOVERY");
        assertThat(mailbox.subjectsFor(email)).contains("We are sorry");
        String caseId = openCareCaseFor(orderId);
        NurtureClient.Answer resolution =
                api.post("/api/care-cases/" + caseId + "/resolution", Map.of("note", "Sent a replacement"));
        assertThat(resolution.status()).isEqualTo(202);
        await().atMost(Shop.PATIENCE).until(() -> shop.stepsOf(customerId).contains("CARE_CASE_RESOLVED:DONE"));
        assertThat(api.post("/api/care-cases/" + caseId + "/resolution", Map.of("note", "again"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void lapsedCustomerIsWonBackByACoupon() {
        String email = newCustomerEmail();
        String firstOrder = shop.place(withConsent(shop.order(email, SKU, 2, card("tok_visa")), true));
        String customerId = shop.deliver(firstOrder);
        tables.placeInJourney(customerId, CustomerRetention.PROCESS_ID, TREATMENT);
        engineRecords.awaitWaitingAt(customerId, "AwaitPurchaseOrSilenceGateway");

        shop.advanceClock("P45DT1H");
        shop.awaitStage(customerId, "AT_RISK");
        await().atMost(Shop.PATIENCE).until(() -> mailbox.subjectsFor(email).contains("We miss you"));
        engineRecords.awaitWaitingAt(customerId, "AwaitPurchaseAfterReEngagementGateway");
        shop.advanceClock("P45D");
        NurtureClient.Answer coupons = await().atMost(Shop.PATIENCE)
                .until(
                        () -> api.get("/api/customers/" + customerId + "/coupons"),
                        answer -> answer.body().findValuesAsText("kind").contains("WIN_BACK"));
        String code = coupons.body().get(coupons.body().size() - 1).path("code").asText();
        engineRecords.awaitWaitingAt(customerId, "AwaitPurchaseAfterWinBackGateway");
        shop.advanceClock("P90D");
        shop.awaitStage(customerId, "LAPSED");

        NurtureClient.Answer placed =
                api.post("/api/orders", with(shop.order(email, SKU, 2, card("tok_visa")), "couponCode", code));
        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.body().path("total").decimalValue()).isEqualByComparingTo("19.80");
        shop.deliver(placed.text("orderId"));

        shop.awaitStage(customerId, "RETAINED");
        assertThat(api.get("/api/customers/" + customerId + "/coupons").body().findValuesAsText("redeemed"))
                .contains("true");
        List<String> stages = api.get("/api/customers/" + customerId + "/journey")
                .body()
                .path("stages")
                .findValuesAsText("to");
        assertThat(stages).containsExactly("CONVERTED", "AT_RISK", "LAPSED", "RETAINED");
        NurtureClient.Answer reused =
                api.post("/api/orders", with(shop.order(email, SKU, 1, card("tok_visa")), "couponCode", code));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.body().path("errors").findValuesAsText("field")).containsExactly("couponCode");
    }

    @Test
    void heldOutCustomerWalksTheRetentionJourneyButGetsNoWinBackOfferAndTheSkipIsRecorded() {
        String email = newCustomerEmail();
        String customerId = shop.deliver(shop.place(withConsent(shop.order(email, SKU, 1, card("tok_visa")), true)));
        tables.placeInJourney(customerId, CustomerRetention.PROCESS_ID, 0.05);
        engineRecords.awaitWaitingAt(customerId, "AwaitPurchaseOrSilenceGateway");

        shop.advanceClock("P45DT1H");
        await().atMost(Shop.PATIENCE).until(() -> mailbox.subjectsFor(email).contains("We miss you"));
        engineRecords.awaitWaitingAt(customerId, "AwaitPurchaseAfterReEngagementGateway");
        shop.advanceClock("P45D");
        await().atMost(Shop.PATIENCE).until(() -> shop.stepsOf(customerId).contains("WIN_BACK:SKIPPED:HOLDOUT"));
        engineRecords.awaitWaitingAt(customerId, "AwaitPurchaseAfterWinBackGateway");
        shop.advanceClock("P90D");
        shop.awaitStage(customerId, "LAPSED");

        assertThat(shop.stepsOf(customerId)).contains("RE_ENGAGEMENT:SENT");
        assertThat(mailbox.subjectsFor(email)).doesNotContain("A gift to welcome you back");
        assertThat(api.get("/api/customers/" + customerId + "/coupons").body().findValuesAsText("kind"))
                .doesNotContain("WIN_BACK");
    }

    @Test
    void customerWithoutConsentIsNotSentReEngagementAndTheSkipIsRecorded() {
        String email = newCustomerEmail();
        String customerId = shop.deliver(shop.place(shop.order(email, SKU, 1, card("tok_visa"))));
        engineRecords.awaitWaitingAt(customerId, "AwaitPurchaseOrSilenceGateway");

        shop.advanceClock("P45DT1H");

        await().atMost(Shop.PATIENCE)
                .until(() -> shop.stepsOf(customerId).contains("RE_ENGAGEMENT:SKIPPED:NO_MARKETING_CONSENT"));
        assertThat(mailbox.subjectsFor(email)).doesNotContain("We miss you");
    }

    @Test
    void consentGivenThroughPreferencesIsShownOnTheCustomer() {
        String customerId = shop.deliver(shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa"))));

        NurtureClient.Answer answer =
                api.put("/api/customers/" + customerId + "/preferences", Map.of("marketingConsent", true));

        assertThat(answer.status()).isEqualTo(200);
        NurtureClient.Answer customer = api.get("/api/customers/" + customerId);
        assertThat(customer.body().path("marketingConsent").asBoolean()).isTrue();
        assertThat(customer.body().path("orders").asInt()).isEqualTo(1);
        assertThat(customer.text("segment")).isEqualTo("NEW");
    }

    @Test
    void surveyAnswersOutOfRangeTwiceOrUnknownAreRefused() {
        String orderId = shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa")));
        String customerId = shop.deliver(orderId);
        String token = shop.surveyAfterDelivery(customerId, orderId);

        assertThat(api.post("/api/surveys/" + token + "/responses", Map.of("score", 11))
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/surveys/" + token + "/responses", Map.of("score", 7))
                        .status())
                .isEqualTo(202);
        assertThat(api.post("/api/surveys/" + token + "/responses", Map.of("score", 8))
                        .status())
                .isEqualTo(409);
        assertThat(api.post("/api/surveys/no-such-token/responses", Map.of("score", 8))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void expiredSurveyIsGone() {
        String orderId = shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa")));
        String customerId = shop.deliver(orderId);
        String token = shop.surveyAfterDelivery(customerId, orderId);
        engineRecords.awaitWaitingAt(orderId, "WaitForSurveyAnswerTask");

        shop.advanceClock("P14DT1H");

        await().atMost(Shop.PATIENCE)
                .until(() -> surveyStatus(customerId, token).equals("EXPIRED"));
        assertThat(api.post("/api/surveys/" + token + "/responses", Map.of("score", 5))
                        .status())
                .isEqualTo(410);
        assertThat(shop.stepsOf(customerId)).contains("SURVEY:UNANSWERED:No answer within 14 days");
    }

    @Test
    void unknownCouponIsRefusedNamingTheField() {
        NurtureClient.Answer answer = api.post(
                "/api/orders",
                with(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa")), "couponCode", "WB-NOSUCHCODE"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("errors").findValuesAsText("field")).containsExactly("couponCode");
    }

    @Test
    void secondMarketingMessageWithinSevenDaysIsSkippedByTheFrequencyCap() {
        String email = newCustomerEmail();
        String firstOrder = shop.place(withConsent(shop.order(email, SKU, 1, card("tok_visa")), true));
        String customerId = shop.deliver(firstOrder);
        String secondOrder = shop.place(shop.order(email, SKU, 1, card("tok_visa")));
        shop.deliver(secondOrder);
        engineRecords.awaitWaitingAt(firstOrder, "FollowUpDueEvent");
        engineRecords.awaitWaitingAt(secondOrder, "FollowUpDueEvent");
        shop.advanceClock("P3DT1H");
        engineRecords.awaitWaitingAt(firstOrder, "SurveyDueEvent");
        engineRecords.awaitWaitingAt(secondOrder, "SurveyDueEvent");
        shop.advanceClock("P4D");

        api.post("/api/surveys/" + shop.awaitSurveyToken(customerId, firstOrder) + "/responses", Map.of("score", 10));
        await().atMost(Shop.PATIENCE).until(() -> shop.stepsOf(customerId).contains("ADVOCACY_ASK:SENT"));
        api.post("/api/surveys/" + shop.awaitSurveyToken(customerId, secondOrder) + "/responses", Map.of("score", 10));

        await().atMost(Shop.PATIENCE)
                .until(() -> shop.stepsOf(customerId).contains("ADVOCACY_ASK:SKIPPED:FREQUENCY_CAP"));
        assertThat(mailbox.subjectsFor(email)).containsOnlyOnce("Glad you love it - tell a friend?");
    }

    @Test
    void referredOrderMakesTheReferrerAnAdvocateAgain() {
        String referrerEmail = newCustomerEmail();
        String referrerOrder = shop.place(withConsent(shop.order(referrerEmail, SKU, 1, card("tok_visa")), true));
        String referrer = shop.deliver(referrerOrder);
        api.post(
                "/api/surveys/" + shop.surveyAfterDelivery(referrer, referrerOrder) + "/responses",
                Map.of("score", 10));
        shop.awaitStage(referrer, "ADVOCATE");
        String code = await().atMost(Shop.PATIENCE).until(() -> referralCodeIn(referrerEmail), c -> !c.isEmpty());
        engineRecords.awaitWaitingAt(referrer, "AwaitPurchaseOrSilenceGateway");
        shop.advanceClock("P45DT1H");
        shop.awaitStage(referrer, "AT_RISK");

        String friendOrder =
                shop.place(with(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa")), "referralCode", code));
        shop.deliver(friendOrder);

        shop.awaitStage(referrer, "ADVOCATE");
        assertThat(api.get("/api/customers/" + referrer + "/journey")
                        .body()
                        .path("stages")
                        .findValuesAsText("cause"))
                .anyMatch(cause -> cause.startsWith("Referral converted"));
    }

    @Test
    void unknownReferralCodeIsRefusedNamingTheField() {
        NurtureClient.Answer answer = api.post(
                "/api/orders",
                with(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa")), "referralCode", "REF-NOSUCH"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("errors").findValuesAsText("field")).containsExactly("referralCode");
    }

    private String referralCodeIn(String email) {
        mailbox.awaitDelivered();
        return Arrays.stream(smtp.getReceivedMessages())
                .map(message -> {
                    try {
                        return message.getAllRecipients()[0].toString().equals(email)
                                ? GreenMailUtil.getBody(message)
                                : "";
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .map(body -> body.replaceAll("(?s).*(REF-[A-Z0-9]{8}).*", "$1"))
                .filter(found -> found.startsWith("REF-") && found.length() == 12)
                .findFirst()
                .orElse("");
    }

    private String openCareCaseFor(String orderId) {
        NurtureClient.Answer cases = await().atMost(Shop.PATIENCE)
                .until(
                        () -> api.get("/api/care-cases?status=OPEN"),
                        answer -> answer.body().findValuesAsText("orderId").contains(orderId));
        for (var careCase : cases.body()) {
            if (careCase.path("orderId").asText().equals(orderId)) {
                return careCase.path("id").asText();
            }
        }
        throw new AssertionError("no open care case for " + orderId);
    }

    private String surveyStatus(String customerId, String token) {
        for (var survey : api.get("/api/customers/" + customerId + "/surveys").body()) {
            if (survey.path("token").asText().equals(token)) {
                return survey.path("status").asText();
            }
        }
        return "";
    }
}
