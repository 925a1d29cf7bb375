package io.nurture.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * End-to-end: real HTTP into the app, the embedded Zeebe engine running the BPMN, the workers,
 * MariaDB over Connector/J, and mail over SMTP. All journey tests share one running app.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class JourneyTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    GreenMail smtp;

    NurtureClient api;

    @BeforeEach
    void connect() {
        api = new NurtureClient(port);
    }

    static String newCustomerEmail() {
        return "customer-" + UUID.randomUUID() + "@example.com";
    }

    static Map<String, Object> order(String email, String sku, int quantity, Map<String, Object> payment) {
        return order(email, List.of(Map.of("sku", sku, "quantity", quantity)), payment, "DE", "10115");
    }

    static Map<String, Object> order(String email, List<Map<String, Object>> lines, Map<String, Object> payment,
            String billingCountry, String postalCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("customer", Map.of("email", email, "name", "Ada Lovelace"));
        body.put("lines", lines);
        body.put("payment", payment);
        body.put("shippingAddress", Map.of("line1", "1 Main St", "city", "Berlin", "postalCode", postalCode, "country", "DE"));
        body.put("billingCountry", billingCountry);
        return body;
    }

    static Map<String, Object> card(String token) {
        return Map.of("method", "CARD", "token", token);
    }

    static Map<String, Object> invoice() {
        return Map.of("method", "INVOICE");
    }

    String place(Map<String, Object> order) {
        NurtureClient.Answer answer = api.post("/api/orders", order);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.text("orderId");
    }

    NurtureClient.Answer awaitStatus(String orderId, String status) {
        return await().atMost(PATIENCE).until(() -> api.get("/api/orders/" + orderId),
                answer -> status.equals(answer.text("status")));
    }

    List<String> timelineStatuses(String orderId) {
        List<String> statuses = new ArrayList<>();
        api.get("/api/orders/" + orderId).body().path("timeline").forEach(entry -> statuses.add(entry.path("status").asText()));
        return statuses;
    }

    List<String> templatesSentTo(String customerId) {
        List<String> templates = new ArrayList<>();
        api.get("/api/customers/" + customerId + "/messages").body().forEach(m -> templates.add(m.path("template").asText()));
        return templates;
    }

    /** Subjects of the mails the SMTP server received for this address. */
    List<String> mailSubjectsFor(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> isFor(message, address))
                .map(JourneyTest::subject)
                .toList();
    }

    int available(String sku) {
        return api.get("/api/inventory/" + sku).body().path("available").asInt();
    }

    int reserved(String sku) {
        return api.get("/api/inventory/" + sku).body().path("reserved").asInt();
    }

    void restock(String sku, int available) {
        assertThat(api.put("/api/inventory/" + sku, Map.of("available", available)).status()).isEqualTo(200);
    }

    void advanceClock(String isoDuration) {
        assertThat(api.post("/api/dev/clock", Map.of("advance", isoDuration)).status()).isEqualTo(200);
    }

    private static boolean isFor(Message message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(Message message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
