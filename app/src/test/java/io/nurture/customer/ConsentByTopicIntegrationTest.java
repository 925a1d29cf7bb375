package io.nurture.customer;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.withConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nurture.testing.EngineRecords;
import io.nurture.testing.EventFeed;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.OrderRequests;
import io.nurture.testing.Shop;
import io.nurture.testing.Tables;
import io.nurture.testkit.NurtureClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Consent by topic, with proof: a customer keeps some kinds of marketing and leaves others, the
 * contact policy skips the messages of a topic they left, and every change says who agreed to what,
 * when and how, with the wording they saw.
 */
@NurtureIntegrationTest
class ConsentByTopicIntegrationTest {

    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Autowired
    EventFeed feed;

    @Autowired
    EngineRecords engine;

    @Autowired
    Tables tables;

    @Autowired
    CustomerService customers;

    @Autowired
    ConsentRequests requests;

    @LocalServerPort
    int port;

    @Test
    void aCustomerWhoLeftOffersIsNotRemindedOfWhatTheyLookedAtAndKeepsTheOtherTopics() {
        String email = OrderRequests.newCustomerEmail();
        String customerId = feed.prospectWithConsent(email);

        api.put(
                "/api/customers/" + customerId + "/preferences",
                Map.of("marketingConsent", true, "topics", Map.of("OFFERS", false)));
        for (int view = 0; view < 3; view++) {
            feed.post(feed.event("PRODUCT_VIEWED", Map.of("email", email), Map.of("sku", "CUP-CERAMIC-2")));
        }
        engine.awaitWaitingAt(customerId, "AwaitCartGateway");
        shop.advanceClock("PT2H");

        await().atMost(Shop.PATIENCE)
                .untilAsserted(() ->
                        assertThat(shop.stepsOf(customerId)).containsExactly("BROWSE_REMINDER:SKIPPED:TOPIC_LEFT"));
        JsonNode consents =
                api.get("/api/customers/" + customerId + "/consents").body();
        assertThat(holding(consents)).containsExactly("REVIEWS_AND_REFERRALS", "NEWS");
        assertThat(changes(consents)).last().isEqualTo("OFFERS false STAFF journey-harness");
    }

    @Test
    void aTopicAnsweredNeitherYesNorNoIsRefusedNamingItAndChangesNothing() {
        String customerId = feed.prospectWithConsent(OrderRequests.newCustomerEmail());
        Map<String, Object> topics = new HashMap<>();
        topics.put("NEWS", false);
        topics.put("OFFERS", null);

        NurtureClient.Answer refused = api.put(
                "/api/customers/" + customerId + "/preferences", Map.of("marketingConsent", true, "topics", topics));

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("topics[OFFERS]");
        assertThat(holding(api.get("/api/customers/" + customerId + "/consents").body()))
                .contains("NEWS", "OFFERS");
    }

    @Test
    void theHistoryTellsWhoAgreedToWhatWhenAndHowWithTheWordingShown() {
        String orderId = shop.place(
                withConsent(shop.order(OrderRequests.newCustomerEmail(), "CUP-CERAMIC-2", 1, card("tok_visa")), true));
        String customerId = api.get("/api/orders/" + orderId).text("customerId");
        String token = customers.unsubscribeToken(customers.find(customerId).orElseThrow());
        NurtureClient customer = new NurtureClient(port, null);

        customer.post("/unsubscribe/" + token, "", FORM);
        customer.post("/preferences/" + token, "marketing=true&topicsShown=true&topic=NEWS", FORM);

        JsonNode consents =
                api.get("/api/customers/" + customerId + "/consents").body();
        assertThat(changes(consents))
                .containsExactly(
                        "marketing true ORDER_FORM null",
                        "marketing false LINK null",
                        "marketing true PAGE null",
                        "OFFERS false PAGE null",
                        "REVIEWS_AND_REFERRALS false PAGE null");
        assertThat(consents.path("changes").findValuesAsText("wording"))
                .startsWith(
                        "The shop's order form: marketing e-mails (the shop's own wording)",
                        "Unsubscribe in one click (the link in a marketing e-mail)",
                        "Send me offers and news")
                .contains(ConsentTopic.OFFERS.wording());
        assertThat(holding(consents)).containsExactly("NEWS");
    }

    @Test
    void aConfirmedSignUpIsRecordedWithTheWordingOfItsRequest() {
        String email = OrderRequests.newCustomerEmail();
        feed.post(feed.event("SIGNED_UP", Map.of("email", email, "marketingConsent", true), Map.of()));
        String customerId = tables.customerIdOf(email);
        String token = await().atMost(Shop.PATIENCE)
                .until(() -> requests.pendingTokenOf(customerId).orElse(null), found -> found != null);

        new NurtureClient(port, null).post("/consent/" + token, "", FORM);

        JsonNode consents =
                api.get("/api/customers/" + customerId + "/consents").body();
        assertThat(changes(consents)).containsExactly("marketing true SIGN_UP null");
        assertThat(consents.path("changes").get(0).path("wording").asText()).isEqualTo(ConsentRequests.WORDING);
    }

    private static List<String> holding(JsonNode consents) {
        List<String> topics = new ArrayList<>();
        consents.path("topics").forEach(topic -> {
            if (topic.path("holds").asBoolean()) {
                topics.add(topic.path("topic").asText());
            }
        });
        return topics;
    }

    /** Each change as "topic granted source by", oldest first; "marketing" for marketing as a whole. */
    private static List<String> changes(JsonNode consents) {
        List<String> changes = new ArrayList<>();
        consents.path("changes")
                .forEach(change -> changes.add(String.join(
                        " ",
                        change.path("topic").isNull()
                                ? "marketing"
                                : change.path("topic").asText(),
                        change.path("granted").asText(),
                        change.path("source").asText(),
                        change.path("by").isNull() ? "null" : change.path("by").asText())));
        return changes;
    }
}
