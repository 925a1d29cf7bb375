package io.nurture.reliability;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.testing.CommitFaults;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testing.Tables;
import io.nurture.testkit.NurtureClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A job step's own transaction fails at its commit, after the provider or carrier did its part:
 * the step's writes are gone, its job fails and runs again. The second run finds the intent it
 * wrote before the call and asks again under the same key, so the customer is charged, shipped and
 * mailed once. (The card is the sandbox's slow one, so the fault is armed before the step commits.)
 */
@NurtureIntegrationTest
class FailedCommitIntegrationTest {

    @Autowired
    CommitFaults commits;

    @Autowired
    Shop shop;

    @Autowired
    Tables tables;

    @Autowired
    JdbcClient db;

    @Test
    @InjectedFault(
            id = 27,
            fault = "a job step's transaction fails at its commit",
            injected =
                    "CommitFaults: the connection breaks at the commit of the charge's result, after the provider charged",
            holds = "one CHARGE, one charge in the provider's books, PAID once, one confirmation mail")
    void aChargeWhoseResultFailedToCommitIsTakenAndConfirmedOnce() {
        int failedBefore = commits.failedCommits();
        String orderId = shop.place(shop.order(newCustomerEmail(), "COF-FILTER-500", 1, card("tok_slow")));
        commits.failNextCommitAfter("update payments", orderId);

        String customerId = shop.awaitStatus(orderId, "SHIPPED").text("customerId");

        assertThat(commits.failedCommits()).as("commits failed on purpose").isEqualTo(failedBefore + 1);
        assertThat(tables.paymentKinds(orderId)).containsExactly("CHARGE");
        assertThat(providerCharges(orderId)).isEqualTo(1);
        assertThat(shop.timelineStatuses(orderId)).containsOnlyOnce("PAID");
        assertThat(shop.templatesSentTo(customerId)).containsOnlyOnce("order-confirmed");
    }

    @Test
    @InjectedFault(
            id = 27,
            fault = "a job step's transaction fails at its commit",
            injected = "CommitFaults: the connection breaks at the commit of the hand-over, after the carrier booked",
            holds =
                    "one shipment with the tracking number the order shows, one carrier booking, stock taken once, one shipping mail")
    void aHandOverThatFailedToCommitBooksOneParcelAndTakesStockOnce() {
        String sku = "TEA-ROOIBOS-100";
        int availableBefore = shop.available(sku);
        int failedBefore = commits.failedCommits();
        String orderId = shop.place(shop.order(newCustomerEmail(), sku, 2, card("tok_slow")));
        commits.failNextCommitAfter("update shipments", orderId);

        NurtureClient.Answer shipped = shop.awaitStatus(orderId, "SHIPPED");

        assertThat(commits.failedCommits()).as("commits failed on purpose").isEqualTo(failedBefore + 1);
        assertThat(tables.shipmentTrackingNumbers(orderId)).containsExactly(shipped.text("trackingNumber"));
        assertThat(carrierBookings(orderId)).isEqualTo(1);
        assertThat(shop.available(sku)).isEqualTo(availableBefore - 2);
        assertThat(shop.timelineStatuses(orderId)).containsOnlyOnce("SHIPPED");
        assertThat(shop.templatesSentTo(shipped.text("customerId"))).containsOnlyOnce("order-shipped");
    }

    private int providerCharges(String orderId) {
        return db.sql("SELECT COUNT(*) FROM sandbox_provider_ledger WHERE idempotency_key = ? AND operation = 'CHARGE'")
                .param("charge-" + orderId)
                .query(Integer.class)
                .single();
    }

    private int carrierBookings(String orderId) {
        return db.sql("SELECT COUNT(*) FROM sandbox_carrier_bookings WHERE booking_key = ?")
                .param("shipment-" + orderId)
                .query(Integer.class)
                .single();
    }
}
