package io.nurture.order;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.nurture.testing.Mailbox;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testkit.NurtureClient;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Values that look hostile but are legal (unicode and emoji, quotes, SQL and template
 * metacharacters, the longest allowed strings) are accepted, stored and read back exactly as sent,
 * and shown as text: literally in plain-text mails, escaped on the survey page.
 */
@NurtureIntegrationTest
class LegalHostileInputIntegrationTest {

    @Autowired
    Mailbox mailbox;

    @Autowired
    JdbcClient db;

    @Autowired
    GreenMail smtp;

    @Autowired
    NurtureClient api;

    @LocalServerPort
    int port;

    @Autowired
    Shop shop;

    private static final String TRICKY_NAME =
            "Zoë O'Brien-\"Bob\" 🍵 {{customerName}} <b>&amp;</b> '); DROP TABLE customers;--";
    private static final String TRICKY_COMMENT =
            "<script>alert(1)</script> \"quoted\" & 'single' 🍵 {{surveyLink}} '; DROP TABLE surveys;--";

    @Test
    void trickyButLegalOrderIsStoredExactlyAndMailedAsText() throws Exception {
        String email = "o'brien+tea-" + UUID.randomUUID() + "@example.com";
        Map<String, Object> address = Map.of(
                "line1",
                "1 \"Main\" St'; DROP TABLE orders;-- 🏠",
                "city",
                "Köln {{city}}",
                "postalCode",
                "D-50667 <x>",
                "country",
                "DE");

        String orderId = shop.place(orderFor(email, TRICKY_NAME, address));

        assertThat(stored("SELECT name FROM customers WHERE email = ?", email)).isEqualTo(TRICKY_NAME);
        assertThat(stored(
                        "SELECT CONCAT_WS('|', ship_line1, ship_city, ship_postal_code) FROM orders WHERE id = ?",
                        orderId))
                .isEqualTo(address.get("line1") + "|" + address.get("city") + "|" + address.get("postalCode"));
        String customerId = shop.awaitStatus(orderId, "SHIPPED").text("customerId");
        assertThat(api.get("/api/customers/" + customerId).text("email")).isEqualTo(email);
        Message confirmation = await().atMost(Shop.PATIENCE)
                .until(() -> mailTo(email, "Your order is confirmed"), message -> message != null);
        assertThat(confirmation.getContentType()).startsWith("text/plain");
        assertThat(confirmation.getContent().toString()).contains("Hello " + TRICKY_NAME + ",");
    }

    @Test
    void longestAllowedValuesInFourByteCharactersAreStoredExactly() {
        String name = "🍵".repeat(100);
        String email = "x".repeat(64 - 36) + UUID.randomUUID() + "@" + "d".repeat(63) + "." + "e".repeat(63) + "."
                + "f".repeat(254 - 64 - 1 - 64 - 64 - 4) + ".com";
        Map<String, Object> address = Map.of(
                "line1", "ä".repeat(200), "city", "名".repeat(100), "postalCode", "𝟙".repeat(10), "country", "DE");
        assertThat(email).hasSize(254);

        String orderId = shop.place(orderFor(email, name, address));

        assertThat(stored("SELECT name FROM customers WHERE email = ?", email)).isEqualTo(name);
        assertThat(stored(
                        "SELECT CONCAT_WS('|', ship_line1, ship_city, ship_postal_code) FROM orders WHERE id = ?",
                        orderId))
                .isEqualTo(address.get("line1") + "|" + address.get("city") + "|" + address.get("postalCode"));
    }

    @Test
    void trickyCommentOnTheSurveyPageIsStoredExactlyAndNotEchoedAsMarkup() throws Exception {
        String token = openSurvey();

        HttpResponse<String> page =
                answerOnThePage(token, "score=7&comment=" + URLEncoder.encode(TRICKY_COMMENT, StandardCharsets.UTF_8));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>");
        assertThat(stored("SELECT comment FROM surveys WHERE token = ?", token)).isEqualTo(TRICKY_COMMENT);
    }

    @Test
    void aCommentLongerThanTheColumnIsRefusedOnThePageAndNothingIsStored() throws Exception {
        String token = openSurvey();

        HttpResponse<String> page = answerOnThePage(token, "score=7&comment=" + "x".repeat(5000));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Please keep your comment to 2000 characters");
        assertThat(db.sql("SELECT status FROM surveys WHERE token = ?")
                        .param(token)
                        .query(String.class)
                        .single())
                .isEqualTo("SENT");
    }

    @Test
    void aPublicEndpointRefusesAHugeBodyOrOneThatDoesNotSayItsLengthBeforeReadingIt() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI answers = URI.create("http://localhost:" + port + "/api/surveys/no-such-token/responses");

        HttpResponse<String> huge = http.send(
                HttpRequest.newBuilder(answers)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"score\":5,\"comment\":\"" + "x".repeat(100_000) + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unsaid = http.send(
                HttpRequest.newBuilder(answers)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream("{\"score\":5}".getBytes(StandardCharsets.UTF_8))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(unsaid.statusCode()).isEqualTo(411);
    }

    /** A delivered order's survey, open for an answer. */
    private String openSurvey() {
        String orderId = shop.place(shop.order(newCustomerEmail(), "TEA-SENCHA-100", 1, card("tok_visa")));
        return shop.surveyAfterDelivery(shop.deliver(orderId), orderId);
    }

    /** The survey page's form, posted as a browser posts it. */
    private HttpResponse<String> answerOnThePage(String token, String form) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/surveys/" + token))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Object> orderFor(String email, String name, Map<String, Object> address) {
        Map<String, Object> body = new HashMap<>(shop.order(email, "TEA-SENCHA-100", 1, card("tok_visa")));
        body.put("customer", Map.of("email", email, "name", name));
        body.put("shippingAddress", address);
        return body;
    }

    private String stored(String sql, String key) {
        List<String> values = db.sql(sql).param(key).query(String.class).list();
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    private Message mailTo(String address, String subject) throws MessagingException {
        mailbox.awaitDelivered();
        for (Message message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getAllRecipients())
                            .anyMatch(r -> r.toString().equals(address))
                    && subject.equals(message.getSubject())) {
                return message;
            }
        }
        return null;
    }
}
