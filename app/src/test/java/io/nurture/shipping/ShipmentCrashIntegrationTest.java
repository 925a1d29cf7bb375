package io.nurture.shipping;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testkit.NurtureClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The carrier booked a parcel and the step died before Nurture recorded it (a failed commit, a
 * kill): the retry completes that same booking, and an order cancelled in that window gives the
 * parcel back to the carrier.
 */
@NurtureIntegrationTest
class ShipmentCrashIntegrationTest {

    private static final String SKU = "MCH-ESPRESSO-PRO";

    @Autowired
    CarrierFaults carrier;

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Autowired
    ParcelGiveBacks giveBacks;

    @Autowired
    JdbcClient db;

    @BeforeEach
    void inStock() {
        shop.setStock(SKU, 10);
    }

    @Test
    void aStepThatDiedAfterTheCarrierBookedShipsWithThatBooking() {
        String orderId = shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_slow")));
        carrier.dieAfterBooking(orderId, () -> {});

        String trackingNumber = shop.awaitStatus(orderId, "SHIPPED").text("trackingNumber");

        assertThat(carrier.crashedFor(orderId))
                .as("the step died after the carrier booked")
                .isTrue();
        assertThat(carrier.holdsParcelFor(orderId)).isTrue();
        assertThat(api.get("/api/orders/" + orderId).body().path("timeline").findValuesAsText("status"))
                .containsOnlyOnce("SHIPPED");
        assertThat(trackingNumber).startsWith("SBX");
    }

    @Test
    void anOrderCancelledWhileItsBookingWasUnrecordedGivesTheParcelBack() {
        String orderId = shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_slow")));
        carrier.dieAfterBooking(
                orderId,
                () -> assertThat(api.post("/api/orders/" + orderId + "/cancellation", "")
                                .status())
                        .isEqualTo(202));

        shop.awaitStatus(orderId, "CANCELLED");

        assertThat(carrier.crashedFor(orderId))
                .as("the step died after the carrier booked")
                .isTrue();
        // Given back once the cancellation committed, just after the status this test saw.
        await().atMost(Shop.PATIENCE)
                .untilAsserted(() -> assertThat(carrier.holdsParcelFor(orderId))
                        .as("the carrier's booking for the cancelled order")
                        .isFalse());
        assertThat(api.get("/api/orders/" + orderId)
                        .body()
                        .path("trackingNumber")
                        .textValue())
                .isNull();
    }

    @Test
    void aParcelTheCarrierBookedAfterTheOrdersCancellationIsGivenBackByTheNextRound() {
        String orderId = shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_slow")));
        carrier.bookLateAndDie(orderId, () -> {
            assertThat(api.post("/api/orders/" + orderId + "/cancellation", "").status())
                    .isEqualTo(202);
            await().atMost(Shop.PATIENCE).until(() -> "CANCELLED".equals(shipmentStatus(orderId)));
        });
        shop.awaitStatus(orderId, "CANCELLED");
        await().atMost(Shop.PATIENCE).until(() -> carrier.crashedFor(orderId));
        assertThat(carrier.holdsParcelFor(orderId))
                .as("booked after the cancellation had cancelled nothing, and the step died")
                .isTrue();

        giveBacks.giveBackParcelsOfEndedOrders();

        assertThat(carrier.holdsParcelFor(orderId)).isFalse();
    }

    private String shipmentStatus(String orderId) {
        return db.sql("SELECT status FROM shipments WHERE order_id = :id")
                .param("id", orderId)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
