package io.nurture.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.nurture.processes.CustomerRetention;
import io.nurture.testkit.NurtureClient;
import jakarta.mail.MessagingException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleJourneyIntegrationTest extends JourneyTest {

    /** Above every holdout share: the win-back offer goes out (the default share would hold out one customer in ten). */
    private static final double TREATMENT = 0.99;

    private static final String SKU = "TEA-ASSAM-250";

    @Test
    void customerGoesFromFirstOrderToAdvocate() {
        String email = newCustomerEmail();
        String orderId = place(withConsent(order(email, SKU, 1, card("tok_visa")), true));
        String customerId = deliver(orderId);
        awaitStage(customerId, "CONVERTED");

        String token = surveyAfterDelivery(customerId, orderId);
        NurtureClient.Answer answer = api.post("/api/surveys/" + token + "/responses", Map.of("score", 10));

        assertThat(answer.status()).isEqualTo(202);
        NurtureClient.Answer customer = awaitStage(customerId, "ADVOCATE");
        assertThat(customer.body().path("lastNps").asInt()).isEqualTo(10);
        await().atMost(PATIENCE).until(() -> mailSubjectsFor(email).contains("Glad you love it - tell a friend?"));
        List<String> stages = api.get("/api/customers/" + customerId + "/journey")
                .body()
                .path("stages")
                .findValuesAsText("to");
        assertThat(stages).containsExactly("CONVERTED", "ADVOCATE");
        assertThat(mailSubjectsFor(email)).contains("How is your order going?", "How did we do?");
        assertThat(stepsOf(customerId)).containsSubsequence("FOLLOW_UP:SENT", "SURVEY:SENT", "ADVOCACY_ASK:SENT");
    }

    @Test
    void sevenDaysAfterDeliveryTheCustomerHasTheFollowUpAndThenTheSurvey() {
        String email = newCustomerEmail();
        String orderId = place(order(email, SKU, 1, card("tok_visa")));
        String customerId = deliver(orderId);

        advanceClock("P7DT1H");

        awaitSurveyToken(customerId, orderId);
        assertThat(stepsOf(customerId)).containsSubsequence("FOLLOW_UP:SENT", "SURVEY:SENT");
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(mailSubjectsFor(email))
                        .containsSubsequence("How is your order going?", "How did we do?"));
    }

    @Test
    void promoterWithoutConsentBecomesAdvocateButGetsNoMarketing() {
        String email = newCustomerEmail();
        String orderId = place(order(email, SKU, 1, card("tok_visa")));
        String customerId = deliver(orderId);
        String token = surveyAfterDelivery(customerId, orderId);

        api.post("/api/surveys/" + token + "/responses", Map.of("score", 9));

        awaitStage(customerId, "ADVOCATE");
        await().atMost(PATIENCE).until(() -> stepsOf(customerId).contains("ADVOCACY_ASK:SKIPPED:NO_MARKETING_CONSENT"));
        assertThat(mailSubjectsFor(email)).doesNotContain("Glad you love it - tell a friend?");
    }

    @Test
    void detractorGoesThroughServiceRecovery() {
        String email = newCustomerEmail();
        String orderId = place(order(email, SKU, 1, card("tok_visa")));
        String customerId = deliver(orderId);
        String token = surveyAfterDelivery(customerId, orderId);

        api.post("/api/surveys/" + token + "/responses", Map.of("score", 2, "comment", "Parcel arrived damaged"));

        awaitStage(customerId, "AT_RISK");
        NurtureClient.Answer coupons = await().atMost(PATIENCE)
                .until(
                        () -> api.get("/api/customers/" + customerId + "/coupons"),
                        answer -> answer.body().size() == 1);
        assertThat(coupons.body().get(0).path("kind").asText()).isEqualTo("SERVICE_RECOVERY");
        assertThat(mailSubjectsFor(email)).contains("We are sorry");
        String caseId = openCareCaseFor(orderId);
        NurtureClient.Answer resolution =
                api.post("/api/care-cases/" + caseId + "/resolution", Map.of("note", "Sent a replacement"));
        assertThat(resolution.status()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> stepsOf(customerId).contains("CARE_CASE_RESOLVED:DONE"));
        assertThat(api.post("/api/care-cases/" + caseId + "/resolution", Map.of("note", "again"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void lapsedCustomerIsWonBackByACoupon() {
        String email = newCustomerEmail();
        String firstOrder = place(withConsent(order(email, SKU, 2, card("tok_visa")), true));
        String customerId = deliver(firstOrder);
        placeInJourney(customerId, CustomerRetention.PROCESS_ID, TREATMENT);
        awaitWaitingAt(customerId, "AwaitPurchaseOrSilenceGateway");

        advanceClock("P45DT1H");
        awaitStage(customerId, "AT_RISK");
        await().atMost(PATIENCE).until(() -> mailSubjectsFor(email).contains("We miss you"));
        awaitWaitingAt(customerId, "AwaitPurchaseAfterReEngagementGateway");
        advanceClock("P45D");
        NurtureClient.Answer coupons = await().atMost(PATIENCE)
                .until(
                        () -> api.get("/api/customers/" + customerId + "/coupons"),
                        answer -> answer.body().findValuesAsText("kind").contains("WIN_BACK"));
        String code = coupons.body().get(coupons.body().size() - 1).path("code").asText();
        awaitWaitingAt(customerId, "AwaitPurchaseAfterWinBackGateway");
        advanceClock("P90D");
        awaitStage(customerId, "LAPSED");

        NurtureClient.Answer placed =
                api.post("/api/orders", with(order(email, SKU, 2, card("tok_visa")), "couponCode", code));
        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.body().path("total").decimalValue()).isEqualByComparingTo("19.80");
        deliver(placed.text("orderId"));

        awaitStage(customerId, "RETAINED");
        assertThat(api.get("/api/customers/" + customerId + "/coupons").body().findValuesAsText("redeemed"))
                .contains("true");
        List<String> stages = api.get("/api/customers/" + customerId + "/journey")
                .body()
                .path("stages")
                .findValuesAsText("to");
        assertThat(stages).containsExactly("CONVERTED", "AT_RISK", "LAPSED", "RETAINED");
        NurtureClient.Answer reused =
                api.post("/api/orders", with(order(email, SKU, 1, card("tok_visa")), "couponCode", code));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.body().path("errors").findValuesAsText("field")).containsExactly("couponCode");
    }

    @Test
    void heldOutCustomerWalksTheRetentionJourneyButGetsNoWinBackOfferAndTheSkipIsRecorded() {
        String email = newCustomerEmail();
        String customerId = deliver(place(withConsent(order(email, SKU, 1, card("tok_visa")), true)));
        placeInJourney(customerId, CustomerRetention.PROCESS_ID, 0.05);
        awaitWaitingAt(customerId, "AwaitPurchaseOrSilenceGateway");

        advanceClock("P45DT1H");
        await().atMost(PATIENCE).until(() -> mailSubjectsFor(email).contains("We miss you"));
        awaitWaitingAt(customerId, "AwaitPurchaseAfterReEngagementGateway");
        advanceClock("P45D");
        await().atMost(PATIENCE).until(() -> stepsOf(customerId).contains("WIN_BACK:SKIPPED:HOLDOUT"));
        awaitWaitingAt(customerId, "AwaitPurchaseAfterWinBackGateway");
        advanceClock("P90D");
        awaitStage(customerId, "LAPSED");

        assertThat(stepsOf(customerId)).contains("RE_ENGAGEMENT:SENT");
        assertThat(mailSubjectsFor(email)).doesNotContain("A gift to welcome you back");
        assertThat(api.get("/api/customers/" + customerId + "/coupons").body().findValuesAsText("kind"))
                .doesNotContain("WIN_BACK");
    }

    @Test
    void customerWithoutConsentIsNotSentReEngagementAndTheSkipIsRecorded() {
        String email = newCustomerEmail();
        String customerId = deliver(place(order(email, SKU, 1, card("tok_visa"))));
        awaitWaitingAt(customerId, "AwaitPurchaseOrSilenceGateway");

        advanceClock("P45DT1H");

        await().atMost(PATIENCE)
                .until(() -> stepsOf(customerId).contains("RE_ENGAGEMENT:SKIPPED:NO_MARKETING_CONSENT"));
        assertThat(mailSubjectsFor(email)).doesNotContain("We miss you");
    }

    @Test
    void consentGivenThroughPreferencesIsShownOnTheCustomer() {
        String customerId = deliver(place(order(newCustomerEmail(), SKU, 1, card("tok_visa"))));

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
        String orderId = place(order(newCustomerEmail(), SKU, 1, card("tok_visa")));
        String customerId = deliver(orderId);
        String token = surveyAfterDelivery(customerId, orderId);

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
        String orderId = place(order(newCustomerEmail(), SKU, 1, card("tok_visa")));
        String customerId = deliver(orderId);
        String token = surveyAfterDelivery(customerId, orderId);
        awaitWaitingAt(orderId, "WaitForSurveyAnswerTask");

        advanceClock("P14DT1H");

        await().atMost(PATIENCE).until(() -> surveyStatus(customerId, token).equals("EXPIRED"));
        assertThat(api.post("/api/surveys/" + token + "/responses", Map.of("score", 5))
                        .status())
                .isEqualTo(410);
        assertThat(stepsOf(customerId)).contains("SURVEY:UNANSWERED:No answer within 14 days");
    }

    @Test
    void unknownCouponIsRefusedNamingTheField() {
        NurtureClient.Answer answer = api.post(
                "/api/orders",
                with(order(newCustomerEmail(), SKU, 1, card("tok_visa")), "couponCode", "WB-NOSUCHCODE"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("errors").findValuesAsText("field")).containsExactly("couponCode");
    }

    @Test
    void secondMarketingMessageWithinSevenDaysIsSkippedByTheFrequencyCap() {
        String email = newCustomerEmail();
        String firstOrder = place(withConsent(order(email, SKU, 1, card("tok_visa")), true));
        String customerId = deliver(firstOrder);
        String secondOrder = place(order(email, SKU, 1, card("tok_visa")));
        deliver(secondOrder);
        awaitWaitingAt(firstOrder, "FollowUpDueEvent");
        awaitWaitingAt(secondOrder, "FollowUpDueEvent");
        advanceClock("P3DT1H");
        awaitWaitingAt(firstOrder, "SurveyDueEvent");
        awaitWaitingAt(secondOrder, "SurveyDueEvent");
        advanceClock("P4D");

        api.post("/api/surveys/" + awaitSurveyToken(customerId, firstOrder) + "/responses", Map.of("score", 10));
        await().atMost(PATIENCE).until(() -> stepsOf(customerId).contains("ADVOCACY_ASK:SENT"));
        api.post("/api/surveys/" + awaitSurveyToken(customerId, secondOrder) + "/responses", Map.of("score", 10));

        await().atMost(PATIENCE).until(() -> stepsOf(customerId).contains("ADVOCACY_ASK:SKIPPED:FREQUENCY_CAP"));
        assertThat(mailSubjectsFor(email)).containsOnlyOnce("Glad you love it - tell a friend?");
    }

    @Test
    void referredOrderMakesTheReferrerAnAdvocateAgain() {
        String referrerEmail = newCustomerEmail();
        String referrerOrder = place(withConsent(order(referrerEmail, SKU, 1, card("tok_visa")), true));
        String referrer = deliver(referrerOrder);
        api.post("/api/surveys/" + surveyAfterDelivery(referrer, referrerOrder) + "/responses", Map.of("score", 10));
        awaitStage(referrer, "ADVOCATE");
        String code = await().atMost(PATIENCE).until(() -> referralCodeIn(referrerEmail), c -> !c.isEmpty());
        awaitWaitingAt(referrer, "AwaitPurchaseOrSilenceGateway");
        advanceClock("P45DT1H");
        awaitStage(referrer, "AT_RISK");

        String friendOrder = place(with(order(newCustomerEmail(), SKU, 1, card("tok_visa")), "referralCode", code));
        deliver(friendOrder);

        awaitStage(referrer, "ADVOCATE");
        assertThat(api.get("/api/customers/" + referrer + "/journey")
                        .body()
                        .path("stages")
                        .findValuesAsText("cause"))
                .anyMatch(cause -> cause.startsWith("Referral converted"));
    }

    @Test
    void unknownReferralCodeIsRefusedNamingTheField() {
        NurtureClient.Answer answer = api.post(
                "/api/orders", with(order(newCustomerEmail(), SKU, 1, card("tok_visa")), "referralCode", "REF-NOSUCH"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("errors").findValuesAsText("field")).containsExactly("referralCode");
    }

    private String referralCodeIn(String email) {
        awaitMailDelivered();
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
        NurtureClient.Answer cases = await().atMost(PATIENCE)
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
