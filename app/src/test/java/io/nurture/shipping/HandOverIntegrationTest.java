package io.nurture.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A hand-over recorded by two steps that both had the carrier's answer (a job handed out twice,
 * the first one slow to record it): the second finds the parcel handed over and answers its
 * tracking number; the goods leave stock and the customer hears of it once. A booking given back to
 * the carrier before its hand-over is not handed over: the parcel does not go; one given back after
 * it does not undo the hand-over.
 */
@NurtureIntegrationTest
class HandOverIntegrationTest {

    @Autowired
    Shop shop;

    @Autowired
    ShipmentBook book;

    @Autowired
    JdbcClient db;

    @Test
    void aHandOverRecordedAgainAnswersTheFirstTrackingNumberAndShipsOnce() {
        String orderId = paidOrderWaitingForTheCarrier();
        String customerId = shop.api().get("/api/orders/" + orderId).text("customerId");
        String first = "SBX-" + UUID.randomUUID();
        book.plan(orderId);

        String answered = book.handOver(orderId, first);
        String answeredAgain = book.handOver(orderId, "SBX-" + UUID.randomUUID());

        assertThat(answered).isEqualTo(first);
        assertThat(answeredAgain).isEqualTo(first);
        assertThat(shop.api().get("/api/orders/" + orderId).text("trackingNumber"))
                .isEqualTo(first);
        assertThat(shop.timelineStatuses(orderId)).containsOnlyOnce("SHIPPED");
        assertThat(db.sql("SELECT status FROM reservations WHERE order_id = ?")
                        .param(orderId)
                        .query(String.class)
                        .list())
                .containsExactly("SHIPPED");
        assertThat(shop.templatesSentTo(customerId)).containsOnlyOnce("order-shipped");
    }

    @Test
    void aBookingGivenBackBeforeItsHandOverDoesNotShipTheOrder() {
        String orderId = paidOrderWaitingForTheCarrier();
        String customerId = shop.api().get("/api/orders/" + orderId).text("customerId");
        book.plan(orderId);
        book.bookingCancelled(orderId);

        assertThatThrownBy(() -> book.handOver(orderId, "SBX-" + UUID.randomUUID()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cancelled at the carrier");

        assertThat(shop.api().get("/api/orders/" + orderId).text("status")).isEqualTo("PAID");
        assertThat(db.sql("SELECT status FROM reservations WHERE order_id = ?")
                        .param(orderId)
                        .query(String.class)
                        .list())
                .containsExactly("HELD");
        assertThat(shop.templatesSentTo(customerId)).doesNotContain("order-shipped");
    }

    @Test
    void aBookingGivenBackAfterItsHandOverLeavesTheParcelShipped() {
        String orderId = paidOrderWaitingForTheCarrier();
        String trackingNumber = "SBX-" + UUID.randomUUID();
        book.plan(orderId);
        book.handOver(orderId, trackingNumber);

        book.bookingCancelled(orderId);

        assertThat(db.sql("SELECT status, tracking_number FROM shipments WHERE order_id = ?")
                        .param(orderId)
                        .query((rs, row) -> rs.getString(1) + " " + rs.getString(2))
                        .single())
                .isEqualTo("SHIPPED " + trackingNumber);
    }

    private String paidOrderWaitingForTheCarrier() {
        return shop.paidOrderWaitingForTheCarrier(List.of(Map.of("sku", "TEA-SENCHA-100", "quantity", 2)));
    }
}
