package io.nurture.shopevent;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.local.EmbeddedMariaDb;
import io.nurture.persistence.UtcColumns;
import io.nurture.testing.HeldInserts;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.OrderRequests;
import io.nurture.testing.Shop;
import io.nurture.testing.StockKept;
import io.nurture.testing.Tables;
import io.nurture.testkit.NurtureClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The shop's events through POST /api/events, as a shop sends them. */
@NurtureIntegrationTest
class ShopEventsIntegrationTest {

    private static final String TEA = "TEA-SENCHA-100";
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final String HELD_NAME = "Held Visitor";

    @Autowired
    EmbeddedMariaDb database;

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Autowired
    JdbcClient db;

    @Autowired
    Tables tables;

    @Autowired
    EventRetention retention;

    @RegisterExtension
    final StockKept tea = new StockKept(TEA, 20);

    @Test
    void anAnonymousVisitorsEventsMoveToTheCustomerWhenTheShopLearnsTheirEmail() {
        String visitor = id("anon");
        String email = newCustomerEmail();
        String cart = id("cart");

        post(viewed(visitor, TEA, 0), cartUpdated(visitor, cart, 2, 1));
        NurtureClient.Answer signedUp = post(event("SIGNED_UP", Map.of("email", email, "anonymousId", visitor), 2));

        assertThat(signedUp.status()).isEqualTo(202);
        String customerId = tables.customerIdOf(email);
        NurtureClient.Answer customer = api.get("/api/customers/" + customerId);
        assertThat(customer.text("stage")).as(customer.body().toString()).isEqualTo("PROSPECT");
        assertThat(api.get("/api/customers/" + customerId + "/events").body().findValuesAsText("type"))
                .containsExactly("SIGNED_UP", "CART_UPDATED", "PRODUCT_VIEWED");
        assertThat(cartColumn(cart, "customer_id")).isEqualTo(customerId);
    }

    @Test
    void anEventSentAgainIsAcceptedAndChangesNothing() {
        Map<String, Object> viewed = viewed(id("anon"), TEA, 0);

        NurtureClient.Answer first = post(viewed);
        NurtureClient.Answer again = post(viewed);

        assertThat(first.body().path("taken").asInt()).isEqualTo(1);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().path("taken").asInt()).isZero();
        assertThat(again.body().path("repeats").asInt()).isEqualTo(1);
    }

    @Test
    void aBadEventRefusesItsWholeBatchNamingTheEventAndFieldAndStoresNothing() {
        Map<String, Object> good = viewed(id("anon"), TEA, 0);
        Map<String, Object> unknownProduct = viewed(id("anon"), "NO-SUCH-TEA", 1);

        NurtureClient.Answer refused = post(good, unknownProduct);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("events[1].sku");
        assertThat(stored(good)).isFalse();
    }

    @Test
    void anEventWithoutItsTimeIsRefusedNamingTheField() {
        Map<String, Object> untimed = new HashMap<>(viewed(id("anon"), TEA, 0));
        untimed.remove("occurredAt");

        NurtureClient.Answer refused = post(viewed(id("anon"), TEA, 0), untimed);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("events[1].occurredAt");
    }

    @Test
    void anEventFromTheFutureIsRefusedNamingItsTime() {
        Map<String, Object> ahead = viewed(id("anon"), TEA, 0);
        ahead.put("occurredAt", Instant.now().plus(Duration.ofDays(3650)).toString());

        NurtureClient.Answer refused = post(ahead);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("events[0].occurredAt");
    }

    @Test
    void aPersonWithNeitherEmailNorAnonymousIdIsRefused() {
        NurtureClient.Answer refused = post(event("SIGNED_UP", Map.of(), 0));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("events[0].person");
    }

    @Test
    void aBlankEmailIsRefusedRatherThanMadeOnePersonOfEveryoneWhoLeavesItEmpty() {
        NurtureClient.Answer refused = post(event("SIGNED_UP", Map.of("email", ""), 0));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("events[0].person.email");
        assertThat(db.sql("SELECT COUNT(*) FROM customers WHERE email = ''")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aCartSentWithAViewedProductIsRefusedAndLeavesItsCartAlone() {
        String visitor = id("anon");
        String cart = id("cart");
        assertThat(post(cartUpdated(visitor, cart, 2, 0)).status()).isEqualTo(202);
        Map<String, Object> viewedWithCart = event("PRODUCT_VIEWED", Map.of("anonymousId", visitor), 1, cart, 0);
        viewedWithCart.put("sku", TEA);

        NurtureClient.Answer refused = post(viewedWithCart);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("events[0].cart");
        assertThat(cartColumn(cart, "status")).isNotEqualTo("EMPTIED");
    }

    @Test
    void aProductSentWithACartUpdateIsRefusedNamingIt() {
        Map<String, Object> updateWithSku = cartUpdated(id("anon"), id("cart"), 1, 0);
        updateWithSku.put("sku", "NO-SUCH-TEA");

        NurtureClient.Answer refused = post(updateWithSku);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("events[0].sku");
    }

    @Test
    void aBatchThatLosesTheRaceToRegisterAPersonIsTakenAgainForThePersonWhoWon() throws Exception {
        String email = newCustomerEmail();
        Map<String, Object> heldSignUp = event("SIGNED_UP", Map.of("email", email, "name", HELD_NAME), 0);
        NurtureClient.Answer first;
        try (HeldInserts held = HeldInserts.into(database, "customers", "name", HELD_NAME)) {
            // given a batch that found nobody with the address and is registering them
            CompletableFuture<NurtureClient.Answer> firstBatch = CompletableFuture.supplyAsync(() -> post(heldSignUp));
            held.awaitHeld(Duration.ofSeconds(30));

            // when an order registers them first
            shop.place(shop.order(email, TEA, 1, OrderRequests.invoice()));
            held.release();
            first = firstBatch.get(1, TimeUnit.MINUTES);
        }

        // then the batch is taken, for the customer the order registered
        assertThat(first.status()).as(first.body().toString()).isEqualTo(202);
        assertThat(db.sql("SELECT COUNT(*) FROM customers WHERE email = :email")
                        .param("email", email)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(db.sql("SELECT c.email FROM shop_events e JOIN customers c ON c.id = e.customer_id"
                                + " WHERE e.event_id = :id")
                        .param("id", heldSignUp.get("eventId"))
                        .query(String.class)
                        .single())
                .isEqualTo(email);
    }

    @Test
    void aBatchOfMoreThanAHundredEventsIsRefusedNamingIt() {
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(viewed(id("anon"), TEA, i));
        }

        NurtureClient.Answer refused = api.post("/api/events", Map.of("events", many));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("events");
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedBeforeItIsRead() {
        String padded = "{\"events\":[]" + " ".repeat(600 * 1024) + "}";

        NurtureClient.Answer refused = api.send("POST", "/api/events", padded);

        assertThat(refused.status()).isEqualTo(413);
    }

    @Test
    void anOlderCartUpdateArrivingLateDoesNotUndoANewerOne() {
        String visitor = id("anon");
        String cart = id("cart");

        post(cartUpdated(visitor, cart, 2, 5));
        post(cartUpdated(visitor, cart, 5, 1));

        assertThat(cartColumn(cart, "items")).isEqualTo("2");
        post(cartUpdated(visitor, cart, 0, 6));
        assertThat(cartColumn(cart, "status")).isEqualTo("EMPTIED");
    }

    @Test
    void anOrderCarryingTheAnonymousIdMergesTheVisitorAndConvertsTheirCheckout() {
        String visitor = id("anon");
        String cart = id("cart");
        post(event("CHECKOUT_STARTED", Map.of("anonymousId", visitor), 0, cart, 1));
        String email = newCustomerEmail();
        Map<String, Object> order = shop.order(email, TEA, 1, card("tok_visa"));
        @SuppressWarnings("unchecked")
        Map<String, Object> customer = new HashMap<>((Map<String, Object>) order.get("customer"));
        customer.put("anonymousId", visitor);
        order.put("customer", customer);

        shop.place(order);

        assertThat(cartColumn(cart, "status")).isEqualTo("ORDERED");
        assertThat(api.get("/api/customers/" + tables.customerIdOf(email) + "/events")
                        .body()
                        .findValuesAsText("type"))
                .containsExactly("CHECKOUT_STARTED");
    }

    @Test
    void rawEventsOlderThanTheRetentionAreDeleted() {
        Map<String, Object> fresh = viewed(id("anon"), TEA, 0);
        Map<String, Object> old = viewed(id("anon"), TEA, 0);
        post(fresh, old);
        db.sql("UPDATE shop_events SET received_at = :longAgo WHERE event_id = :id")
                .param("longAgo", UtcColumns.utc(Instant.now().minus(Duration.ofDays(400))))
                .param("id", old.get("eventId"))
                .update();

        assertThat(retention.deleteExpired()).isPositive();

        assertThat(stored(old)).isFalse();
        assertThat(stored(fresh)).isTrue();
    }

    @SafeVarargs
    private NurtureClient.Answer post(Map<String, Object>... events) {
        return api.post("/api/events", Map.of("events", List.of(events)));
    }

    private static Map<String, Object> viewed(String visitor, String sku, int minute) {
        Map<String, Object> event = event("PRODUCT_VIEWED", Map.of("anonymousId", visitor), minute);
        event.put("sku", sku);
        return event;
    }

    private static Map<String, Object> cartUpdated(String visitor, String cart, int quantity, int minute) {
        return event("CART_UPDATED", Map.of("anonymousId", visitor), minute, cart, quantity);
    }

    private static Map<String, Object> event(
            String type, Map<String, Object> person, int minute, String cart, int quantity) {
        Map<String, Object> event = event(type, person, minute);
        event.put(
                "cart",
                Map.of(
                        "cartId",
                        cart,
                        "lines",
                        quantity == 0 ? List.of() : List.of(Map.of("sku", TEA, "quantity", quantity))));
        return event;
    }

    private static Map<String, Object> event(String type, Map<String, Object> person, int minute) {
        Map<String, Object> event = new HashMap<>();
        event.put("eventId", id("ev"));
        event.put("type", type);
        event.put("occurredAt", NOW.plus(Duration.ofMinutes(minute)).toString());
        event.put("person", person);
        return event;
    }

    private static String id(String kind) {
        return kind + "-" + UUID.randomUUID();
    }

    private String cartColumn(String cart, String column) {
        return db.sql("SELECT " + column + " FROM carts WHERE id = :id")
                .param("id", cart)
                .query(String.class)
                .single();
    }

    private boolean stored(Map<String, Object> event) {
        return db.sql("SELECT COUNT(*) FROM shop_events WHERE event_id = :id")
                        .param("id", event.get("eventId"))
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
