package io.nurture.reliability;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.invoice;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.inventory.InventoryService;
import io.nurture.notification.NotificationService;
import io.nurture.order.OrderService;
import io.nurture.payment.PaymentService;
import io.nurture.shipping.ShippingService;
import io.nurture.testing.Mailbox;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testing.Tables;
import io.nurture.testkit.NurtureClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Zeebe delivers a job at least once. These tests run a step's business service a second time
 * after the process already did it, as a redelivered job would, and check nothing happens twice.
 */
@NurtureIntegrationTest
class RedeliveredJobIntegrationTest {

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Autowired
    Mailbox mailbox;

    @Autowired
    Tables tables;

    @Autowired
    PaymentService payments;

    @Autowired
    ShippingService shipping;

    @Autowired
    InventoryService inventory;

    @Autowired
    NotificationService notifications;

    @Autowired
    OrderService orders;

    @Autowired
    TransactionTemplate transaction;

    @Test
    @InjectedFault(
            id = 1,
            fault = "a job delivered twice",
            injected = "the business service behind a worker run a second time for the same job",
            holds = "one CHARGE")
    void chargeRunTwiceChargesOnce() {
        String orderId = shop.place(shop.order(newCustomerEmail(), "COF-FILTER-500", 1, card("tok_visa")));
        shop.awaitStatus(orderId, "SHIPPED");

        boolean approvedAgain = payments.chargeCard(orderId);

        assertThat(approvedAgain).isTrue();
        assertThat(tables.paymentKinds(orderId)).containsExactly("CHARGE");
    }

    @Test
    @InjectedFault(
            id = 1,
            fault = "a job delivered twice",
            injected = "the business service behind a worker run a second time for the same job",
            holds = "one shipment, stock taken once")
    void shipmentRunTwiceBooksOneParcelAndTakesStockOnce() {
        String sku = "COF-DECAF-250";
        String orderId = shop.place(shop.order(newCustomerEmail(), sku, 2, card("tok_visa")));
        String trackingNumber = shop.awaitStatus(orderId, "SHIPPED").text("trackingNumber");
        int availableAfterShipping = shop.available(sku);
        int reservedAfterShipping = shop.reserved(sku);

        String trackingAgain = shipping.ship(orderId);

        assertThat(trackingAgain).isEqualTo(trackingNumber);
        assertThat(shop.available(sku)).isEqualTo(availableAfterShipping);
        assertThat(shop.reserved(sku)).isEqualTo(reservedAfterShipping);
        assertThat(shop.timelineStatuses(orderId)).containsOnlyOnce("SHIPPED");
    }

    @Test
    @InjectedFault(
            id = 1,
            fault = "a job delivered twice",
            injected = "the business service behind a worker run a second time for the same job",
            holds = "one reservation")
    void reservationRunTwiceReservesOnce() {
        String sku = "TEA-ROOIBOS-100";
        String orderId = shop.place(shop.order(newCustomerEmail(), sku, 4, invoice()));
        shop.awaitStatus(orderId, "AWAITING_PAYMENT");
        int availableAfterReserving = shop.available(sku);

        boolean reservedAgain = inventory.reserve(orderId);

        assertThat(reservedAgain).isTrue();
        assertThat(shop.available(sku)).isEqualTo(availableAfterReserving);
    }

    @Test
    @InjectedFault(
            id = 1,
            fault = "a job delivered twice",
            injected = "the business service behind a worker run a second time for the same job",
            holds = "one mail")
    void mailRunTwiceIsSentOnce() {
        String email = newCustomerEmail();
        String orderId = shop.place(shop.order(email, "TEA-EARLGREY-100", 1, invoice()));
        shop.awaitStatus(orderId, "AWAITING_PAYMENT");

        transaction.executeWithoutResult(
                status -> notifications.tellCustomer(orders.get(orderId), "invoice-issued", Map.of("dueDate", "x")));

        assertThat(mailbox.subjectsFor(email)).containsOnlyOnce("Your invoice for order " + orderId);
    }

    @Test
    @InjectedFault(
            id = 11,
            fault = "a job delivered twice",
            injected = "the business service behind a worker run a second time for the same job",
            holds = "one REFUND")
    void refundRunTwiceRefundsOnce() {
        String orderId = shop.place(shop.order(
                newCustomerEmail(),
                List.of(Map.of("sku", "COF-ESPRESSO-1K", "quantity", 1)),
                card("tok_visa"),
                "DE",
                Shop.CARRIER_OUTAGE));
        shop.awaitStatus(orderId, "PAID");
        api.post("/api/orders/" + orderId + "/cancellation", "");
        shop.awaitStatus(orderId, "CANCELLED");

        payments.refund(orderId);

        assertThat(tables.paymentKinds(orderId)).containsExactly("CHARGE", "REFUND");
    }
}
