package io.nurture.reliability;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.invoice;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.processes.OrderFulfillment;
import io.nurture.processes.PostPurchase;
import io.nurture.testing.EngineRecords;
import io.nurture.testing.Mailbox;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testing.Tables;
import io.nurture.testing.WorkerFaults;
import io.nurture.testkit.NurtureClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A worker dies after its side effect and before it completes the job; the engine delivers the
 * job again. The customer is still charged, refunded, shipped, mailed and given a coupon once.
 */
@NurtureIntegrationTest
class WorkerCrashIntegrationTest {

    @Autowired
    EngineRecords engineRecords;

    @Autowired
    JdbcClient db;

    @Autowired
    WorkerFaults faults;

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Autowired
    Mailbox mailbox;

    @Autowired
    Tables tables;

    @Test
    @InjectedFault(
            id = 1,
            fault = "a worker dies after its side effect, before completing its job",
            injected =
                    "WorkerFaults: the handler's work commits, then the worker throws once, so the engine hands the job out again",
            holds = "one CHARGE, PAID once, one confirmation mail")
    void crashAfterChargingChargesAndConfirmsOnce() {
        faults.crashOnceAfterSideEffect(OrderFulfillment.JobType.CHARGE_CARD);

        String orderId = shop.place(shop.order(newCustomerEmail(), "COF-FILTER-500", 1, card("tok_visa")));
        String customerId = shop.awaitStatus(orderId, "SHIPPED").text("customerId");

        assertThat(faults.crashesOf(OrderFulfillment.JobType.CHARGE_CARD)).isEqualTo(1);
        assertThat(tables.paymentKinds(orderId)).containsExactly("CHARGE");
        assertThat(shop.timelineStatuses(orderId)).containsOnlyOnce("PAID");
        assertThat(shop.templatesSentTo(customerId)).containsOnlyOnce("order-confirmed");
    }

    @Test
    @InjectedFault(
            id = 1,
            fault = "a worker dies after its side effect, before completing its job",
            injected =
                    "WorkerFaults: the handler's work commits, then the worker throws once, so the engine hands the job out again",
            holds = "one shipment with the tracking number the order shows, stock taken once, one shipping mail")
    void crashAfterShippingBooksOneParcelAndTakesStockOnce() {
        String sku = "TEA-ROOIBOS-100";
        int availableBefore = shop.available(sku);
        faults.crashOnceAfterSideEffect(OrderFulfillment.JobType.CREATE_SHIPMENT);

        String orderId = shop.place(shop.order(newCustomerEmail(), sku, 3, card("tok_visa")));
        NurtureClient.Answer shipped = shop.awaitStatus(orderId, "SHIPPED");

        assertThat(faults.crashesOf(OrderFulfillment.JobType.CREATE_SHIPMENT)).isEqualTo(1);
        assertThat(tables.shipmentTrackingNumbers(orderId)).containsExactly(shipped.text("trackingNumber"));
        assertThat(shop.available(sku)).isEqualTo(availableBefore - 3);
        assertThat(shop.templatesSentTo(shipped.text("customerId"))).containsOnlyOnce("order-shipped");
    }

    @Test
    @InjectedFault(
            id = 11,
            fault = "a worker dies after its side effect, before completing its job",
            injected =
                    "WorkerFaults: the handler's work commits, then the worker throws once, so the engine hands the job out again",
            holds = "a carrier outage ends in cancellation: CHARGE and one REFUND, one cancellation mail")
    void crashAfterRefundingRefundsOnce() {
        faults.crashOnceAfterSideEffect(OrderFulfillment.JobType.REFUND_PAYMENT);
        String orderId = shop.place(shop.order(
                newCustomerEmail(),
                List.of(Map.of("sku", "COF-ESPRESSO-1K", "quantity", 1)),
                card("tok_visa"),
                "DE",
                Shop.CARRIER_OUTAGE));
        shop.awaitStatus(orderId, "PAID");

        api.post("/api/orders/" + orderId + "/cancellation", "");
        String customerId = shop.awaitStatus(orderId, "CANCELLED").text("customerId");

        assertThat(faults.crashesOf(OrderFulfillment.JobType.REFUND_PAYMENT)).isEqualTo(1);
        assertThat(tables.paymentKinds(orderId)).containsExactly("CHARGE", "REFUND");
        assertThat(shop.templatesSentTo(customerId)).containsOnlyOnce("order-cancelled");
    }

    @Test
    @InjectedFault(
            id = 1,
            fault = "a worker dies after its side effect, before completing its job",
            injected =
                    "WorkerFaults: the handler's work commits, then the worker throws once, so the engine hands the job out again",
            holds = "one invoice mail")
    void crashAfterSendingTheInvoiceMailsItOnce() {
        String email = newCustomerEmail();
        faults.crashOnceAfterSideEffect(OrderFulfillment.JobType.ISSUE_INVOICE);

        String orderId = shop.place(shop.order(email, "TEA-EARLGREY-100", 1, invoice()));
        shop.awaitStatus(orderId, "AWAITING_PAYMENT");

        await().atMost(Shop.PATIENCE).until(() -> faults.crashesOf(OrderFulfillment.JobType.ISSUE_INVOICE) == 1);
        engineRecords.awaitWaitingAt(orderId, "WaitForInvoicePaymentTask");
        assertThat(mailbox.subjectsFor(email)).containsOnlyOnce("Your invoice for order " + orderId);
    }

    @Test
    @InjectedFault(
            id = 1,
            fault = "a worker dies after its side effect, before completing its job",
            injected =
                    "WorkerFaults: the handler's work commits, then the worker throws once, so the engine hands the job out again",
            holds = "one apology coupon, one care case")
    void crashAfterIssuingTheApologyCouponIssuesOneCouponAndOneCareCase() {
        faults.crashOnceAfterSideEffect(PostPurchase.JobType.START_SERVICE_RECOVERY);
        String orderId = shop.place(shop.order(newCustomerEmail(), "COF-DECAF-250", 1, card("tok_visa")));
        String customerId = shop.deliver(orderId);
        String token = shop.surveyAfterDelivery(customerId, orderId);

        api.post("/api/surveys/" + token + "/responses", Map.of("score", 2));

        engineRecords.awaitWaitingAt(orderId, "WaitForCareCaseResolutionTask");
        assertThat(faults.crashesOf(PostPurchase.JobType.START_SERVICE_RECOVERY))
                .isEqualTo(1);
        assertThat(api.get("/api/customers/" + customerId + "/coupons").body()).hasSize(1);
        assertThat(db.sql("SELECT COUNT(*) FROM care_cases WHERE order_id = ?")
                        .param(orderId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(shop.templatesSentTo(customerId)).containsOnlyOnce("service-recovery");
    }
}
