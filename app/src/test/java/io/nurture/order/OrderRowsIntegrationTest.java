package io.nurture.order;

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
 * shipped is the one its mail shows, and an order shipped twice is on its timeline once (the
 * journeys test the steps around it, and their mails as sent).
 */
@NurtureIntegrationTest
class OrderRowsIntegrationTest {

    @Autowired
    Shop shop;

    @Autowired
    OrderRows rows;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aShippedOrderAsItsMailShowsItHasItsTrackingNumberAndItsLinesInTheirOrder() {
        String orderId = shop.paidOrderWaitingForTheCarrier(
                List.of(Map.of("sku", "TEA-ASSAM-250", "quantity", 2), Map.of("sku", "TEA-SENCHA-100", "quantity", 1)));

        AsMailed mail = shipIn(orderId, "SBX-HANDOVER-1");

        assertThat(mail.lines())
                .containsExactly(
                        new OrderRows.MailLine("TEA-ASSAM-250", 2), new OrderRows.MailLine("TEA-SENCHA-100", 1));
        assertThat(mail.trackingNumber()).isEqualTo("SBX-HANDOVER-1");
        assertThat(shop.api().get("/api/orders/" + orderId).text("trackingNumber"))
                .isEqualTo("SBX-HANDOVER-1");
    }

    @Test
    void anOrderShippedTwiceIsOnItsTimelineOnce() {
        String orderId = shop.paidOrderWaitingForTheCarrier(List.of(Map.of("sku", "TEA-SENCHA-100", "quantity", 1)));

        shipIn(orderId, "SBX-HANDOVER-2");
        shipIn(orderId, "SBX-HANDOVER-2");

        assertThat(shop.timelineStatuses(orderId)).containsOnlyOnce("SHIPPED").endsWith("SHIPPED");
        assertThat(shop.api().get("/api/orders/" + orderId).text("status")).isEqualTo("SHIPPED");
    }

    /** What the mail about the shipped order shows, read in the step's transaction as the mail step reads it. */
    private record AsMailed(String trackingNumber, List<Object> lines) {}

    private AsMailed shipIn(String orderId, String trackingNumber) {
        return new TransactionTemplate(transactions).execute(tx -> {
            MailableOrder mail = rows.shipped(rows.lockToProceed(orderId), trackingNumber, "Shipped by the test");
            return new AsMailed(mail.getTrackingNumber(), new ArrayList<>(mail.getLines()));
        });
    }
}
