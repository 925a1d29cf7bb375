package io.nurture.inventory;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.testing.EngineRecords;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testkit.NurtureClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Stock that cannot be overwritten and orders that are woken: a stock take is applied only to the
 * level it was read from, goods arriving add to what is there, and stock a cancellation gives back
 * goes to the order waiting for it.
 */
@NurtureIntegrationTest
class InventoryIntegrationTest {

    /** Carried by no other test: its levels are this class's to set. */
    private static final String SKU = "POT-CAST-IRON";

    @Autowired
    EngineRecords engineRecords;

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Test
    void aStockTakeReadBeforeAReservationIsRefusedAndTheReservationStands() {
        shop.setStock(SKU, 3);
        String readBefore =
                api.get("/api/inventory/" + SKU).body().path("version").asText();
        String orderId = shop.place(order(List.of(Map.of("sku", SKU, "quantity", 1)), "10115"));
        shop.awaitStatus(orderId, "SHIPPED");

        NurtureClient.Answer stale =
                api.put("/api/inventory/" + SKU, Map.of("available", 3), Map.of("If-Match", "\"" + readBefore + "\""));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.body().path("errors").findValuesAsText("field")).containsExactly("If-Match");
        assertThat(shop.available(SKU)).isEqualTo(2);
        NurtureClient.Answer withoutVersion = api.put("/api/inventory/" + SKU, Map.of("available", 3));
        assertThat(withoutVersion.status()).isEqualTo(400);
        assertThat(withoutVersion.body().path("errors").findValuesAsText("field"))
                .containsExactly("If-Match");
    }

    @Test
    void goodsArrivingAddToTheStockAndWakeABackorderedOrder() {
        shop.setStock(SKU, 0);
        String orderId = shop.place(order(List.of(Map.of("sku", SKU, "quantity", 2)), "10115"));
        shop.awaitStatus(orderId, "BACKORDERED");
        engineRecords.awaitWaitingAt(orderId, "StockReplenishedEvent");

        assertThat(api.post("/api/inventory/" + SKU + "/restock", Map.of("quantity", 1))
                        .text("available"))
                .isEqualTo("1");
        assertThat(api.post("/api/inventory/" + SKU + "/restock", Map.of("quantity", 1))
                        .status())
                .isEqualTo(200);

        shop.awaitStatus(orderId, "SHIPPED");
        assertThat(shop.available(SKU)).isZero();
    }

    @Test
    void aRestockSentAgainWithItsKeyAddsNothingMore() {
        shop.setStock(SKU, 3);
        Map<String, String> key = Map.of("Idempotency-Key", "delivery-note-" + UUID.randomUUID());

        NurtureClient.Answer first = api.post("/api/inventory/" + SKU + "/restock", Map.of("quantity", 5), key);
        NurtureClient.Answer again = api.post("/api/inventory/" + SKU + "/restock", Map.of("quantity", 5), key);
        NurtureClient.Answer otherQuantity = api.post("/api/inventory/" + SKU + "/restock", Map.of("quantity", 6), key);

        assertThat(first.body().path("available").asInt()).isEqualTo(8);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("available").asInt()).isEqualTo(8);
        assertThat(otherQuantity.status()).isEqualTo(422);
        assertThat(api.get("/api/inventory/" + SKU).body().path("available").asInt())
                .isEqualTo(8);
    }

    @Test
    void stockACancellationGivesBackGoesToTheOrderWaitingForIt() {
        shop.setStock(SKU, 1);
        String holder = shop.place(order(List.of(Map.of("sku", SKU, "quantity", 1)), Shop.CARRIER_OUTAGE));
        shop.awaitStatus(holder, "PAID");
        String waiting = shop.place(order(List.of(Map.of("sku", SKU, "quantity", 1)), "10115"));
        shop.awaitStatus(waiting, "BACKORDERED");
        engineRecords.awaitWaitingAt(waiting, "StockReplenishedEvent");

        api.post("/api/orders/" + holder + "/cancellation", "");

        shop.awaitStatus(holder, "CANCELLED");
        shop.awaitStatus(waiting, "SHIPPED");
        assertThat(shop.available(SKU)).isZero();
        assertThat(shop.reserved(SKU)).isZero();
    }

    private Map<String, Object> order(List<Map<String, Object>> lines, String postalCode) {
        return shop.order(newCustomerEmail(), lines, card("tok_visa"), "DE", postalCode);
    }
}
