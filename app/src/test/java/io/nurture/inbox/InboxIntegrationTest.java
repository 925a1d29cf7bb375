package io.nurture.inbox;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.nurture.testing.Mailbox;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testkit.NurtureClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The staff inbox through the API, as two colleagues at the shop use it. */
@NurtureIntegrationTest
class InboxIntegrationTest {

    private static final String COLLEAGUE_KEY = "colleague-key-for-tests-only";

    @Autowired
    Shop shop;

    @Autowired
    NurtureClient api;

    @Autowired
    Mailbox mailbox;

    @Autowired
    InboxDigest digest;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void aRiskyOrderWaitsInTheInboxUntilTheDeadlineOfTheModelsReviewPeriod() {
        String orderId = orderInReview();

        JsonNode item = inboxItem("ORDER_REVIEW", orderId);

        Instant since = Instant.parse(item.path("waitingSince").asText());
        assertThat(Instant.parse(item.path("deadline").asText())).isEqualTo(since.plus(Duration.ofDays(2)));
        assertThat(item.path("orderId").asText()).isEqualTo(orderId);
        assertThat(item.path("amount").decimalValue()).isPositive();
    }

    @Test
    void aReviewDecisionGoesOnTheOrdersTimelineWithTheStaffClientAndLeavesTheInbox() {
        String orderId = orderInReview();

        assertThat(api.post("/api/orders/" + orderId + "/review", Map.of("approved", true, "note", "Called them"))
                        .status())
                .isEqualTo(202);

        assertThat(waiting("ORDER_REVIEW")).doesNotContain(orderId);
        JsonNode decided = StreamSupport.stream(
                        api.get("/api/orders/" + orderId)
                                .body()
                                .path("timeline")
                                .spliterator(),
                        false)
                .filter(change -> change.path("note").asText().equals("Review approved: Called them"))
                .findFirst()
                .orElseThrow();
        assertThat(decided.path("decidedBy").asText()).isEqualTo("journey-harness");
    }

    @Test
    void aColleagueDecidingAnItemDecidedAlreadyIsToldWhoDecidedItAndWhen() {
        String orderId = orderInReview();
        api.post("/api/orders/" + orderId + "/review", Map.of("approved", false, "note", "Address looks made up"));

        NurtureClient.Answer second = colleague().post("/api/orders/" + orderId + "/review", Map.of("approved", true));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("type")).endsWith("/already-decided");
        assertThat(second.text("decidedBy")).isEqualTo("journey-harness");
        assertThat(second.text("outcome")).isEqualTo("Declined: Address looks made up");
        assertThat(Instant.parse(second.text("decidedAt")))
                .as("when the decision went on the order's timeline")
                .isCloseTo(
                        Instant.parse(timelineEntry(orderId, "Review declined: Address looks made up")
                                .path("at")
                                .asText()),
                        within(5, ChronoUnit.SECONDS));
        assertThat(second.text("detail")).startsWith("Already decided by journey-harness at ");
    }

    @Test
    void aClaimKeepsColleaguesFromDecidingUntilTheClaimantLetsGo() {
        String orderId = orderInReview();
        String claim = "/api/inbox/ORDER_REVIEW/" + orderId + "/claim";

        NurtureClient.Answer mine = api.post(claim, "");
        NurtureClient.Answer theirs = colleague().post(claim, "");
        NurtureClient.Answer theirDecision =
                colleague().post("/api/orders/" + orderId + "/review", Map.of("approved", true));

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.text("claimedBy")).isEqualTo("journey-harness");
        assertThat(theirs.status()).isEqualTo(409);
        assertThat(theirs.text("claimedBy")).isEqualTo("journey-harness");
        assertThat(theirDecision.status()).isEqualTo(409);
        assertThat(theirDecision.text("type")).endsWith("/claimed");
        assertThat(inboxItem("ORDER_REVIEW", orderId).path("claimedBy").asText())
                .isEqualTo("journey-harness");

        assertThat(api.send("DELETE", claim, null).status()).isEqualTo(204);

        assertThat(colleague().post(claim, "").text("claimedBy")).isEqualTo("colleague");
        assertThat(colleague()
                        .post("/api/orders/" + orderId + "/review", Map.of("approved", true))
                        .status())
                .isEqualTo(202);
    }

    @Test
    void aLapsedClaimNoLongerKeepsColleaguesOff() {
        String orderId = orderInReview();
        String claim = "/api/inbox/ORDER_REVIEW/" + orderId + "/claim";
        api.post(claim, "");

        shop.advanceClock("PT31M");

        assertThat(colleague().post(claim, "").text("claimedBy")).isEqualTo("colleague");
    }

    @Test
    void opsGetOneDigestADayOfTheItemsCloseToTheirDeadline() {
        String orderId = orderInReview();
        jdbc.sql("DELETE FROM inbox_digests").update();

        assertThat(digest.send()).hasValueSatisfying(items -> assertThat(items).isPositive());
        assertThat(digest.send()).as("sent today already").isEmpty();

        String line = "- ORDER_REVIEW " + orderId + " (order " + orderId + "): due "
                + inboxItem("ORDER_REVIEW", orderId).path("deadline").asText();
        assertThat(mailbox.bodiesFor("ops@nurture.example"))
                .filteredOn(body -> body.lines().anyMatch(line::equals))
                .hasSize(1);
    }

    @Test
    void aClaimOnSomethingThatDoesNotWaitIsNotFoundAndLeavesNoClaim() {
        String notInReview = UUID.randomUUID().toString();

        NurtureClient.Answer answer = api.post("/api/inbox/ORDER_REVIEW/" + notInReview + "/claim", "");

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbox_claims WHERE subject_id = :id")
                        .param("id", notInReview)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anUnknownKindOfWaitIsABadRequestNamingIt() {
        NurtureClient.Answer answer = api.get("/api/inbox?kind=SOMETHING");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().toString()).contains("kind");
    }

    private String orderInReview() {
        String orderId = shop.place(shop.order(
                newCustomerEmail(),
                List.of(Map.of("sku", "TEA-SENCHA-100", "quantity", 1)),
                card("tok_visa"),
                "AT",
                "10115"));
        shop.awaitStatus(orderId, "IN_REVIEW");
        return orderId;
    }

    private JsonNode timelineEntry(String orderId, String note) {
        return StreamSupport.stream(
                        api.get("/api/orders/" + orderId)
                                .body()
                                .path("timeline")
                                .spliterator(),
                        false)
                .filter(change -> change.path("note").asText().equals(note))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No \"" + note + "\" on the timeline of " + orderId));
    }

    private JsonNode inboxItem(String kind, String subjectId) {
        return StreamSupport.stream(api.get("/api/inbox?kind=" + kind).body().spliterator(), false)
                .filter(item -> item.path("subjectId").asText().equals(subjectId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(subjectId + " is not in the inbox"));
    }

    private List<String> waiting(String kind) {
        return api.get("/api/inbox?kind=" + kind).body().findValuesAsText("subjectId");
    }

    private NurtureClient colleague() {
        return new NurtureClient(port, COLLEAGUE_KEY);
    }
}
