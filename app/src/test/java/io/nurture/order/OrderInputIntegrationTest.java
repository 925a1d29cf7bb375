package io.nurture.order;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.runtime.RuntimeDefaults;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testkit.NurtureClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@NurtureIntegrationTest
class OrderInputIntegrationTest {

    @Autowired
    Shop shop;

    @Autowired
    JdbcClient db;

    @Autowired
    NurtureClient api;

    @LocalServerPort
    int port;

    @Test
    void unknownSkuIsRefusedNamingTheLineAndNothingIsStored() {
        String email = newCustomerEmail();
        long ordersBefore = storedOrders();

        NurtureClient.Answer answer = api.post(
                "/api/orders",
                shop.order(
                        email,
                        List.of(
                                Map.of("sku", "TEA-SENCHA-100", "quantity", 1),
                                Map.of("sku", "NO-SUCH-SKU", "quantity", 1)),
                        card("tok_visa"),
                        "DE",
                        "10115"));

        assertProblem(answer, 400, "lines[1].sku");
        assertThat(storedOrders()).isEqualTo(ordersBefore);
        assertThat(db.sql("SELECT COUNT(*) FROM customers WHERE email = ?")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void quantityBelowOneIsRefused() {
        assertProblem(
                api.post("/api/orders", shop.order(newCustomerEmail(), "TEA-SENCHA-100", 0, card("tok_visa"))),
                400,
                "lines[0].quantity");
    }

    @Test
    void orderWithoutLinesIsRefused() {
        assertProblem(
                api.post("/api/orders", shop.order(newCustomerEmail(), List.of(), card("tok_visa"), "DE", "10115")),
                400,
                "lines");
    }

    @Test
    void missingCustomerEmailIsRefused() {
        Map<String, Object> body = new HashMap<>(shop.order(newCustomerEmail(), "TEA-SENCHA-100", 1, card("tok_visa")));
        body.put("customer", Map.of("name", "No Mail"));

        assertProblem(api.post("/api/orders", body), 400, "customer.email");
    }

    @Test
    void cardPaymentWithoutTokenIsRefused() {
        assertProblem(
                api.post("/api/orders", shop.order(newCustomerEmail(), "TEA-SENCHA-100", 1, Map.of("method", "CARD"))),
                400,
                "payment.token");
    }

    @Test
    void unknownPaymentMethodIsRefusedNamingTheField() {
        assertProblem(
                api.post(
                        "/api/orders",
                        shop.order(newCustomerEmail(), "TEA-SENCHA-100", 1, Map.of("method", "BITCOIN"))),
                400,
                "payment.method");
    }

    @Test
    void malformedJsonIsRefused() {
        assertProblem(api.post("/api/orders", "{\"customer\": "), 400, "body");
    }

    @Test
    void repeatedRequestWithTheSameIdempotencyKeyReturnsTheSameOrder() {
        Map<String, Object> order = shop.order(newCustomerEmail(), "TEA-SENCHA-100", 1, card("tok_visa"));
        Map<String, String> key = Map.of("Idempotency-Key", "order-" + System.nanoTime());
        long ordersBefore = storedOrders();

        NurtureClient.Answer first = api.post("/api/orders", order, key);
        NurtureClient.Answer second = api.post("/api/orders", order, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text("orderId")).isEqualTo(first.text("orderId"));
        assertThat(storedOrders()).isEqualTo(ordersBefore + 1);
    }

    @Test
    void idempotencyKeysAreComparedExactlyAndBelongToTheirApiClient() {
        Map<String, Object> order = shop.order(newCustomerEmail(), "TEA-SENCHA-100", 1, card("tok_visa"));
        String key = "Order-" + System.nanoTime();
        NurtureClient otherShop = new NurtureClient(port, RuntimeDefaults.DEV_INTEGRATION_KEY);

        String first =
                api.post("/api/orders", order, Map.of("Idempotency-Key", key)).text("orderId");
        String otherCase = api.post("/api/orders", order, Map.of("Idempotency-Key", key.toLowerCase()))
                .text("orderId");
        String otherClient = otherShop
                .post("/api/orders", order, Map.of("Idempotency-Key", key))
                .text("orderId");

        assertThat(List.of(first, otherCase, otherClient)).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(otherShop
                        .post("/api/orders", order, Map.of("Idempotency-Key", key))
                        .text("orderId"))
                .isEqualTo(otherClient);
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsUnprocessable() {
        Map<String, String> key = Map.of("Idempotency-Key", "order-" + System.nanoTime());
        api.post("/api/orders", shop.order(newCustomerEmail(), "TEA-SENCHA-100", 1, card("tok_visa")), key);

        NurtureClient.Answer other =
                api.post("/api/orders", shop.order(newCustomerEmail(), "TEA-SENCHA-100", 2, card("tok_visa")), key);

        assertProblem(other, 422, "Idempotency-Key");
    }

    @Test
    void unknownOrderIsNotFound() {
        NurtureClient.Answer answer = api.get("/api/orders/no-such-order");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void catalogueListsTheSeededProducts() {
        NurtureClient.Answer answer = api.get("/api/products");

        assertThat(answer.body().size()).isEqualTo(20);
        assertThat(answer.body().get(0).path("price").isNumber()).isTrue();
    }

    private static void assertProblem(NurtureClient.Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("errors").findValuesAsText("field")).contains(field);
    }

    private long storedOrders() {
        return db.sql("SELECT COUNT(*) FROM orders").query(Long.class).single();
    }
}
