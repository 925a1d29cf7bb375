package io.nurture.order;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.invoice;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testkit.NurtureClient;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every write endpoint, against an order, product, shipment, survey, customer and care case that
 * exist and are in the state the endpoint acts on, with a body that is valid but for one hostile
 * field: refused with a problem naming that field, and the resource is left exactly as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@NurtureIntegrationTest
class HostileWriteOnExistingIdsIntegrationTest {

    private final Map<String, String> ids = new HashMap<>();

    @Autowired
    JdbcClient db;

    @Autowired
    Shop shop;

    @Autowired
    NurtureClient api;

    /** One resource per endpoint, each waiting where the endpoint would change it. */
    @BeforeAll
    void resourcesExist() {
        ids.put(
                "review",
                shop.place(shop.order(
                        newCustomerEmail(),
                        List.of(Map.of("sku", "TEA-SENCHA-100", "quantity", 1)),
                        card("tok_visa"),
                        "FR",
                        "10115")));
        shop.awaitStatus(ids.get("review"), "IN_REVIEW");
        ids.put("invoice", shop.place(shop.order(newCustomerEmail(), "TEA-SENCHA-100", 1, invoice())));
        shop.awaitStatus(ids.get("invoice"), "AWAITING_PAYMENT");
        String shipped = shop.place(shop.order(newCustomerEmail(), "TEA-SENCHA-100", 1, card("tok_visa")));
        ids.put("tracking", shop.awaitStatus(shipped, "SHIPPED").text("trackingNumber"));
        String surveyed = shop.place(shop.order(newCustomerEmail(), "TEA-SENCHA-100", 1, card("tok_visa")));
        String unhappy = shop.place(shop.order(newCustomerEmail(), "TEA-SENCHA-100", 1, card("tok_visa")));
        ids.put("customer", shop.deliver(surveyed));
        String unhappyCustomer = shop.deliver(unhappy);
        shop.advanceClock("P7DT1H");
        ids.put("survey", shop.awaitSurveyToken(ids.get("customer"), surveyed));
        api.post("/api/surveys/" + shop.awaitSurveyToken(unhappyCustomer, unhappy) + "/responses", Map.of("score", 2));
        ids.put("careCase", await().atMost(Shop.PATIENCE).until(() -> openCareCaseOf(unhappy), id -> !id.isEmpty()));
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @MethodSource("oneHostileField")
    void bodyWithOneHostileFieldIsRefusedNamingItAndChangesNothing(String endpoint, String field, Object value) {
        Endpoint target = ENDPOINTS.get(endpoint);
        String path = target.path().apply(ids);
        Map<String, Object> body = new HashMap<>(target.validBody());
        body.put(field, value);
        String before = state(target);

        NurtureClient.Answer answer = target.method().equals("PUT") ? api.put(path, body) : api.post(path, body);

        assertThat(answer.status()).as(endpoint + " " + answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("errors").findValuesAsText("field"))
                .as(answer.body().toString())
                .isNotEmpty()
                .containsOnly(field);
        assertThat(state(target)).isEqualTo(before);
    }

    static Stream<Arguments> oneHostileField() {
        return ENDPOINTS.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .flatMap(endpoint -> endpoint.getValue().hostile().entrySet().stream()
                        .flatMap(field -> field.getValue().stream()
                                .map(value -> Arguments.of(endpoint.getKey(), field.getKey(), value))));
    }

    private String state(Endpoint endpoint) {
        return db.sql(endpoint.stateQuery())
                .param(endpoint.stateKey().apply(ids))
                .query(String.class)
                .list()
                .toString();
    }

    private String openCareCaseOf(String orderId) {
        for (var careCase : api.get("/api/care-cases?status=OPEN").body()) {
            if (careCase.path("orderId").asText().equals(orderId)) {
                return careCase.path("id").asText();
            }
        }
        return "";
    }

    private static final Map<String, Endpoint> ENDPOINTS = Map.of(
            "review",
                    new Endpoint(
                            "POST",
                            ids -> "/api/orders/" + ids.get("review") + "/review",
                            Map.of("approved", true, "note", "checked"),
                            Map.of(
                                    "approved",
                                    values(null, "yes", Map.of()),
                                    "note",
                                    values("x".repeat(401), List.of()),
                                    "approvedBy",
                                    values("ops")),
                            "SELECT status FROM orders WHERE id = ?",
                            ids -> ids.get("review")),
            "invoice payment",
                    new Endpoint(
                            "POST",
                            ids -> "/api/orders/" + ids.get("invoice") + "/payments",
                            Map.of("amount", "10.00", "reference", "BANK-1"),
                            Map.of(
                                    "amount",
                                    values(null, 0, "0.00", -10, "12.345", "12345678901.00", "ten", Map.of()),
                                    "reference",
                                    values(null, "", "  ", "x".repeat(101)),
                                    "payer",
                                    values("Ada")),
                            "SELECT CONCAT(o.status, ':', (SELECT COUNT(*) FROM payments p WHERE p.order_id = o.id)) "
                                    + "FROM orders o WHERE o.id = ?",
                            ids -> ids.get("invoice")),
            "restock",
                    new Endpoint(
                            "POST",
                            ids -> "/api/inventory/GFT-SAMPLER/restock",
                            Map.of("quantity", 5),
                            Map.of(
                                    "quantity",
                                    values(null, 0, -1, 1_000_001, "lots", Map.of()),
                                    "warehouse",
                                    values("B")),
                            "SELECT CONCAT(available, ':', reserved) FROM products WHERE sku = ?",
                            ids -> "GFT-SAMPLER"),
            "carrier event",
                    new Endpoint(
                            "POST",
                            ids -> "/api/shipments/" + ids.get("tracking") + "/events",
                            Map.of("type", "DELIVERED"),
                            Map.of("type", values(null, "SHIPPED", "LOST", "", Map.of()), "at", values("2026-01-01")),
                            "SELECT CONCAT(s.status, ':', (SELECT COUNT(*) FROM shipment_events e "
                                    + "WHERE e.tracking_number = s.tracking_number)) FROM shipments s WHERE s.tracking_number = ?",
                            ids -> ids.get("tracking")),
            "survey answer",
                    new Endpoint(
                            "POST",
                            ids -> "/api/surveys/" + ids.get("survey") + "/responses",
                            Map.of("score", 9, "comment", "fine"),
                            Map.of(
                                    "score",
                                    values(null, -1, 11, "ten", Map.of()),
                                    "comment",
                                    values("x".repeat(2001), List.of()),
                                    "email",
                                    values("a@example.com")),
                            "SELECT CONCAT(status, ':', COALESCE(score, '-')) FROM surveys WHERE token = ?",
                            ids -> ids.get("survey")),
            "preferences",
                    new Endpoint(
                            "PUT",
                            ids -> "/api/customers/" + ids.get("customer") + "/preferences",
                            Map.of("marketingConsent", true),
                            Map.of("marketingConsent", values(null, "maybe", Map.of()), "channel", values("sms")),
                            "SELECT marketing_consent FROM customers WHERE id = ?",
                            ids -> ids.get("customer")),
            "care case resolution",
                    new Endpoint(
                            "POST",
                            ids -> "/api/care-cases/" + ids.get("careCase") + "/resolution",
                            Map.of("note", "Sent a replacement"),
                            Map.of(
                                    "note",
                                    values(null, "", "  ", "x".repeat(1001), Map.of()),
                                    "resolvedBy",
                                    values("ops")),
                            "SELECT status FROM care_cases WHERE id = ?",
                            ids -> ids.get("careCase")));

    private static List<Object> values(Object... values) {
        return Arrays.asList(values);
    }

    private record Endpoint(
            String method,
            Function<Map<String, String>, String> path,
            Map<String, Object> validBody,
            Map<String, List<Object>> hostile,
            String stateQuery,
            Function<Map<String, String>, String> stateKey) {}
}
