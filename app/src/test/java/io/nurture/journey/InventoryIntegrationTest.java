package io.nurture.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.testkit.NurtureClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stock that cannot be overwritten and orders that are woken: a stock take is applied only to the
 * level it was read from, goods arriving add to what is there, and stock a cancellation gives back
 * goes to the order waiting for it.
 */
class InventoryIntegrationTest extends JourneyTest {

    /** Carried by no other test: its levels are this class's to set. */
    private static final String SKU = "POT-CAST-IRON";
    /** The sandbox carrier refuses this postal code: a paid order stays before shipping until cancelled. */
    private static final String CARRIER_OUTAGE = "99999";

    @Test
    void aStockTakeReadBeforeAReservationIsRefusedAndTheReservationStands() {
        setStock(api, SKU, 3);
        String readBefore =
                api.get("/api/inventory/" + SKU).body().path("version").asText();
        String orderId = place(order(List.of(Map.of("sku", SKU, "quantity", 1)), "10115"));
        awaitStatus(orderId, "SHIPPED");

        NurtureClient.Answer stale =
                api.put("/api/inventory/" + SKU, Map.of("available", 3), Map.of("If-Match", "\"" + readBefore + "\""));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.body().path("errors").findValuesAsText("field")).containsExactly("If-Match");
        assertThat(available(SKU)).isEqualTo(2);
        NurtureClient.Answer withoutVersion = api.put("/api/inventory/" + SKU, Map.of("available", 3));
        assertThat(withoutVersion.status()).isEqualTo(400);
        assertThat(withoutVersion.body().path("errors").findValuesAsText("field"))
                .containsExactly("If-Match");
    }

    @Test
    void goodsArrivingAddToTheStockAndWakeABackorderedOrder() {
        setStock(api, SKU, 0);
        String orderId = place(order(List.of(Map.of("sku", SKU, "quantity", 2)), "10115"));
        awaitStatus(orderId, "BACKORDERED");
        awaitWaitingAt(orderId, "StockReplenishedEvent");

        assertThat(api.post("/api/inventory/" + SKU + "/restock", Map.of("quantity", 1))
                        .text("available"))
                .isEqualTo("1");
        assertThat(api.post("/api/inventory/" + SKU + "/restock", Map.of("quantity", 1))
                        .status())
                .isEqualTo(200);

        awaitStatus(orderId, "SHIPPED");
        assertThat(available(SKU)).isZero();
    }

    @Test
    void stockACancellationGivesBackGoesToTheOrderWaitingForIt() {
        setStock(api, SKU, 1);
        String holder = place(order(List.of(Map.of("sku", SKU, "quantity", 1)), CARRIER_OUTAGE));
        awaitStatus(holder, "PAID");
        String waiting = place(order(List.of(Map.of("sku", SKU, "quantity", 1)), "10115"));
        awaitStatus(waiting, "BACKORDERED");
        awaitWaitingAt(waiting, "StockReplenishedEvent");

        api.post("/api/orders/" + holder + "/cancellation", "");

        awaitStatus(holder, "CANCELLED");
        awaitStatus(waiting, "SHIPPED");
        assertThat(available(SKU)).isZero();
        assertThat(reserved(SKU)).isZero();
    }

    private static Map<String, Object> order(List<Map<String, Object>> lines, String postalCode) {
        return JourneyTest.order(newCustomerEmail(), lines, card("tok_visa"), "DE", postalCode);
    }
}
