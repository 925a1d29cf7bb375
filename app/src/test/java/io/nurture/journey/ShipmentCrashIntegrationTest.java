package io.nurture.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.shipping.CarrierFaults;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The carrier booked a parcel and the step died before Nurture recorded it (a failed commit, a
 * kill): the retry completes that same booking, and an order cancelled in that window gives the
 * parcel back to the carrier.
 */
class ShipmentCrashIntegrationTest extends JourneyTest {

    private static final String SKU = "MCH-ESPRESSO-PRO";

    @Autowired
    CarrierFaults carrier;

    @BeforeEach
    void inStock() {
        setStock(api, SKU, 10);
    }

    @Test
    void aStepThatDiedAfterTheCarrierBookedShipsWithThatBooking() {
        String orderId = place(order(newCustomerEmail(), SKU, 1, card("tok_slow")));
        carrier.dieAfterBooking(orderId, () -> {});

        String trackingNumber = awaitStatus(orderId, "SHIPPED").text("trackingNumber");

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
        String orderId = place(order(newCustomerEmail(), SKU, 1, card("tok_slow")));
        carrier.dieAfterBooking(
                orderId,
                () -> assertThat(api.post("/api/orders/" + orderId + "/cancellation", "")
                                .status())
                        .isEqualTo(202));

        awaitStatus(orderId, "CANCELLED");

        assertThat(carrier.crashedFor(orderId))
                .as("the step died after the carrier booked")
                .isTrue();
        // Given back once the cancellation committed, just after the status this test saw.
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(carrier.holdsParcelFor(orderId))
                        .as("the carrier's booking for the cancelled order")
                        .isFalse());
        assertThat(api.get("/api/orders/" + orderId)
                        .body()
                        .path("trackingNumber")
                        .textValue())
                .isNull();
    }
}
