package io.nurture.order;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.notification.MailableOrder;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order in plain SQL as the steps every order takes use it, against the database: the order
 * shipped is the one its mail shows, and a hand-over recorded twice is on the timeline once.
 */
@NurtureIntegrationTest
class OrderRowsIntegrationTest {

    /** The sandbox carrier refuses this postal code: the paid order waits before its hand-over. */
    private static final String CARRIER_OUTAGE = "99999";

    @Autowired
    Shop shop;

    @Autowired
    OrderRows rows;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theShippedOrdersMailShowsItsLinesInTheirOrder() {
        String orderId = paidOrderWaitingForTheCarrier(
                List.of(Map.of("sku", "TEA-ASSAM-250", "quantity", 2), Map.of("sku", "TEA-SENCHA-100", "quantity", 1)));

        MailableOrder mail = handOverIn(orderId, "SBX-HANDOVER-1");

        assertThat(new ArrayList<Object>(mail.getLines()))
                .containsExactly(
                        new OrderRows.MailLine("TEA-ASSAM-250", 2), new OrderRows.MailLine("TEA-SENCHA-100", 1));
        assertThat(mail.getTrackingNumber()).isEqualTo("SBX-HANDOVER-1");
        assertThat(shop.api().get("/api/orders/" + orderId).text("trackingNumber"))
                .isEqualTo("SBX-HANDOVER-1");
    }

    @Test
    void anOrderHandedOverTwiceIsShippedOnceOnItsTimeline() {
        String orderId = paidOrderWaitingForTheCarrier(List.of(Map.of("sku", "TEA-SENCHA-100", "quantity", 1)));

        handOverIn(orderId, "SBX-HANDOVER-2");
        handOverIn(orderId, "SBX-HANDOVER-2");

        assertThat(shop.timelineStatuses(orderId)).containsOnlyOnce("SHIPPED").endsWith("SHIPPED");
        assertThat(shop.api().get("/api/orders/" + orderId).text("status")).isEqualTo("SHIPPED");
    }

    private String paidOrderWaitingForTheCarrier(List<Map<String, Object>> lines) {
        String orderId = shop.place(shop.order(newCustomerEmail(), lines, card("tok_visa"), "DE", CARRIER_OUTAGE));
        shop.awaitStatus(orderId, "PAID");
        return orderId;
    }

    private MailableOrder handOverIn(String orderId, String trackingNumber) {
        return new TransactionTemplate(transactions)
                .execute(tx -> rows.shipped(rows.lockToProceed(orderId), trackingNumber, "Handed over by the test"));
    }
}
