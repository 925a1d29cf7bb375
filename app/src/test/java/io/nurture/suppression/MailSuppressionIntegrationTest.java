package io.nurture.suppression;

import static io.nurture.testing.OrderRequests.card;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nurture.testing.EngineRecords;
import io.nurture.testing.EventFeed;
import io.nurture.testing.Mailbox;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.OrderRequests;
import io.nurture.testing.Shop;
import io.nurture.testing.StockKept;
import io.nurture.testkit.NurtureClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The mail provider's bounces and complaints, signed as the provider signs them, end to end: the
 * address gets no more mail (marketing skipped by the contact policy, order mail kept back with a
 * note on the order and a word to ops), the order goes on, staff can list and lift it.
 */
@NurtureIntegrationTest
class MailSuppressionIntegrationTest {

    /** The test-only secrets of application-test.yaml. */
    private static final String SECRET = "test-mail-events-secret";

    private static final String MAILGUN_KEY = "test-mailgun-signing-key";
    private static final String TEA = "TEA-SENCHA-100";
    private static final String CUPS = "CUP-CERAMIC-2";
    private static final String OPS = "ops@nurture.example";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Autowired
    Mailbox mailbox;

    @Autowired
    EventFeed feed;

    @Autowired
    EngineRecords engine;

    @Autowired
    Clock clock;

    @LocalServerPort
    int port;

    private NurtureClient provider;

    @RegisterExtension
    final StockKept tea = new StockKept(TEA, 20);

    @BeforeEach
    void providerWithoutKey() {
        provider = new NurtureClient(port, null);
    }

    @Test
    void aHardBounceKeepsOrderMailBackWhileTheOrderShipsAndTellsOps() {
        String email = OrderRequests.newCustomerEmail();
        assertThat(signed(bounce(email, "HARD_BOUNCE")).body().toString()).isEqualTo("{\"taken\":1,\"repeats\":0}");

        String orderId = shop.place(shop.order(email, TEA, 1, card("tok_visa")));

        shop.awaitStatus(orderId, "SHIPPED");
        await().atMost(Shop.PATIENCE)
                .untilAsserted(() -> assertThat(notes(orderId))
                        .contains(
                                "Mail \"order-shipped\" not sent: the customer's address is suppressed (HARD_BOUNCE)"));
        await().atMost(Shop.PATIENCE)
                .untilAsserted(() -> assertThat(mailbox.bodiesFor(OPS))
                        .anySatisfy(body -> assertThat(body).contains("\"order-shipped\"", orderId)));
        assertThat(mailbox.subjectsFor(email)).isEmpty();
        String customerId = api.get("/api/orders/" + orderId).text("customerId");
        assertThat(api.get("/api/customers/" + customerId + "/messages").body())
                .isNotEmpty()
                .allSatisfy(message ->
                        assertThat(message.path("suppressed").asBoolean()).isTrue());
    }

    @Test
    void aComplaintThroughMailgunSkipsTheNextMarketingMailAsSuppressed() {
        String email = OrderRequests.newCustomerEmail();
        String customerId = feed.prospectWithConsent(email);

        NurtureClient.Answer taken = mailgun(mailgunEvent("complained", null, email));

        assertThat(taken.status()).isEqualTo(200);
        viewedThreeTimes(email, CUPS);
        engine.awaitWaitingAt(customerId, "AwaitCartGateway");
        shop.advanceClock("PT2H");
        await().atMost(Shop.PATIENCE)
                .untilAsserted(() ->
                        assertThat(shop.stepsOf(customerId)).containsExactly("BROWSE_REMINDER:SKIPPED:SUPPRESSED"));
        assertThat(mailbox.subjectsFor(email)).isEmpty();
        assertThat(suppressionsOf(email))
                .extracting(s -> s.path("reason").asText())
                .containsExactly("COMPLAINT");
        assertThat(suppressionsOf(email).get(0).path("customerId").asText()).isEqualTo(customerId);
    }

    @Test
    void softBouncesSuppressAtTheLimitAndARepeatedEventCountsOnce() {
        String email = OrderRequests.newCustomerEmail();
        NurtureClient.Answer first = signed(bounce(email, "SOFT_BOUNCE"));
        Map<String, Object> second = bounce(email, "SOFT_BOUNCE");
        signed(second);

        NurtureClient.Answer repeat = signed(second);

        assertThat(first.body().toString()).isEqualTo("{\"taken\":1,\"repeats\":0}");
        assertThat(repeat.body().toString()).isEqualTo("{\"taken\":0,\"repeats\":1}");
        assertThat(suppressionsOf(email)).isEmpty();
        mailgun(mailgunEvent("failed", "temporary", email));
        assertThat(suppressionsOf(email))
                .extracting(s -> s.path("reason").asText())
                .containsExactly("SOFT_BOUNCES");
    }

    @Test
    void anEventWithoutAValidFreshSignatureIsRefusedAndChangesNothing() {
        String email = OrderRequests.newCustomerEmail();
        String body = batch(bounce(email, "HARD_BOUNCE"));
        long now = Instant.now().getEpochSecond();
        long stale = now - Duration.ofMinutes(6).toSeconds();

        List<Integer> statuses = List.of(
                provider.post("/api/mail-events", body).status(),
                post(body, now, "sha256=" + hmac("not-the-secret", now + "." + body)),
                post(body, stale, "sha256=" + hmac(SECRET, stale + "." + body)),
                post(body.replace("HARD_BOUNCE", "COMPLAINT"), now, "sha256=" + hmac(SECRET, now + "." + body)),
                provider.post("/api/mail-events/mailgun", mailgunBody("complained", null, email, "0".repeat(64)))
                        .status());

        assertThat(statuses).containsOnly(401);
        assertThat(suppressionsOf(email)).isEmpty();
        assertThat(api.post("/api/mail-events", body).status())
                .as("an API key is no signature")
                .isEqualTo(401);
    }

    @Test
    void staffLiftASuppressionAndTheAddressGetsMailAgain() {
        String email = OrderRequests.newCustomerEmail();
        signed(bounce(email, "HARD_BOUNCE"));
        String id = suppressionsOf(email).get(0).path("id").asText();

        assertThat(api.send("DELETE", "/api/suppressions/" + id, null).status()).isEqualTo(204);

        assertThat(suppressionsOf(email)).isEmpty();
        assertThat(api.send("DELETE", "/api/suppressions/" + id, null).status()).isEqualTo(404);
        String orderId = shop.place(shop.order(email, TEA, 1, card("tok_visa")));
        shop.awaitStatus(orderId, "SHIPPED");
        await().atMost(Shop.PATIENCE).until(() -> !mailbox.subjectsFor(email).isEmpty());
    }

    @Test
    void aMailgunEventNurtureDoesNotActOnIsTakenAndIgnored() {
        String email = OrderRequests.newCustomerEmail();

        NurtureClient.Answer taken = mailgun(mailgunEvent("delivered", null, email));

        assertThat(taken.body().toString()).isEqualTo("{\"taken\":0,\"repeats\":0}");
        assertThat(suppressionsOf(email)).isEmpty();
    }

    @Test
    void aBadEventIsRefusedNamingItsFieldAndNothingOfTheBatchIsTaken() {
        String email = OrderRequests.newCustomerEmail();
        Map<String, Object> good = bounce(email, "HARD_BOUNCE");
        Map<String, Object> bad = Map.of(
                "eventId",
                "evt-" + UUID.randomUUID(),
                "type",
                "HARD_BOUNCE",
                "email",
                "nope",
                "occurredAt",
                Instant.now(clock).toString());

        NurtureClient.Answer refused = post(batch(good, bad));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("events[1].email");
        assertThat(suppressionsOf(email)).isEmpty();
    }

    private List<String> notes(String orderId) {
        List<String> notes = new ArrayList<>();
        api.get("/api/orders/" + orderId)
                .body()
                .path("timeline")
                .forEach(entry -> notes.add(entry.path("note").asText()));
        return notes;
    }

    private List<JsonNode> suppressionsOf(String email) {
        List<JsonNode> found = new ArrayList<>();
        api.get("/api/suppressions?email=" + email).body().forEach(found::add);
        return found;
    }

    private void viewedThreeTimes(String email, String sku) {
        for (int view = 0; view < 3; view++) {
            assertThat(feed.post(feed.event("PRODUCT_VIEWED", Map.of("email", email), Map.of("sku", sku)))
                            .status())
                    .isEqualTo(202);
        }
    }

    private Map<String, Object> bounce(String email, String type) {
        return Map.of(
                "eventId",
                "evt-" + UUID.randomUUID(),
                "type",
                type,
                "email",
                email,
                "occurredAt",
                Instant.now(clock).toString());
    }

    private static String batch(Object... events) {
        try {
            return JSON.writeValueAsString(Map.of("events", List.of(events)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One event in Nurture's own format, signed with the secret; answered 200. */
    private NurtureClient.Answer signed(Map<String, Object> event) {
        NurtureClient.Answer answer = post(batch(event));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer;
    }

    private NurtureClient.Answer post(String body) {
        long now = Instant.now().getEpochSecond();
        return provider.post(
                "/api/mail-events",
                body,
                Map.of(
                        "X-Nurture-Timestamp",
                        String.valueOf(now),
                        "X-Nurture-Signature",
                        "sha256=" + hmac(SECRET, now + "." + body)));
    }

    private int post(String body, long timestamp, String signature) {
        return provider.post(
                        "/api/mail-events",
                        body,
                        Map.of("X-Nurture-Timestamp", String.valueOf(timestamp), "X-Nurture-Signature", signature))
                .status();
    }

    /** Mailgun's event as its webhook posts it, signed with the signing key. */
    private String mailgunEvent(String event, String severity, String email) {
        long now = Instant.now().getEpochSecond();
        String token = UUID.randomUUID().toString().replace("-", "");
        return mailgunBody(event, severity, email, hmac(MAILGUN_KEY, now + token), now, token);
    }

    private String mailgunBody(String event, String severity, String email, String signature) {
        long now = Instant.now().getEpochSecond();
        return mailgunBody(
                event, severity, email, signature, now, "a8ce0edb2dd8301dced8ec5ed9a4ea32faf9ec3a7d0a4e4d41");
    }

    private static String mailgunBody(
            String event, String severity, String email, String signature, long timestamp, String token) {
        return """
                {"signature":{"timestamp":"%d","token":"%s","signature":"%s"},
                 "event-data":{"event":"%s",%s"recipient":"%s","timestamp":%d.329574,"id":"%s",
                 "delivery-status":{"code":550,"message":"mailbox unavailable"}}}""".formatted(
                        timestamp,
                        token,
                        signature,
                        event,
                        severity == null ? "" : "\"severity\":\"" + severity + "\",",
                        email,
                        timestamp,
                        "mg-" + UUID.randomUUID());
    }

    private NurtureClient.Answer mailgun(String body) {
        NurtureClient.Answer answer = provider.post("/api/mail-events/mailgun", body);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer;
    }

    private static String hmac(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
