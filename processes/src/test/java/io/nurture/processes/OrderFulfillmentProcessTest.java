package io.nurture.processes;

import static io.nurture.processes.OrderFulfillment.JobType.*;
import static io.nurture.processes.OrderFulfillment.Message.*;
import static io.nurture.processes.OrderFulfillment.Variable.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nurture.processes.OrderFulfillment.CancelReason;
import io.nurture.processes.OrderFulfillment.PaymentMethod;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrderFulfillmentProcessTest {

    private static final String AN_ORDER = "order-1";
    private static final Map<String, Object> RESERVED = Map.of(ALL_LINES_RESERVED, true);
    private static final Map<String, Object> SHORT = Map.of(ALL_LINES_RESERVED, false);

    @RegisterExtension
    final EmbeddedProcessEngine engine = new EmbeddedProcessEngine(OrderFulfillment.PROCESS_ID);

    @Test
    void approvedCardOrderIsChargedShippedAndDelivered() {
        long order = engine.startOrder(order(PaymentMethod.CARD, 120, false, false));

        engine.completeJob(RESERVE_STOCK, RESERVED);
        engine.completeJob(CHARGE_CARD, Map.of());
        engine.completeJob(CREATE_SHIPMENT, Map.of());
        engine.publish(SHIPMENT_DELIVERED, AN_ORDER, Map.of());
        engine.completeJob(CONFIRM_DELIVERY, Map.of());
        engine.completeJob(PUBLISH_ORDER_DELIVERED, Map.of());

        assertThat(engine.isCompleted(order)).isTrue();
        engine.assertCompletedInOrder(
                order,
                "AssessOrderRiskTask",
                "ReserveStockTask",
                "ChargeCardTask",
                "ShipOrderTask",
                "PrepareAndDispatchSubProcess",
                "WaitForDeliveryTask",
                "ConfirmDeliveryTask",
                "OrderDeliveredEndEvent");
        assertThat(engine.variable(order, RISK_DECISION)).isEqualTo("\"APPROVE\"");
    }

    @Test
    void orderPlacedTwiceIsRefusedTheSecondTimeAndRunsOnce() {
        engine.placeOrder(order(PaymentMethod.CARD, 120, false, false));

        assertThatThrownBy(() -> engine.placeOrder(order(PaymentMethod.CARD, 120, false, false)))
                .hasMessageContaining("ALREADY_EXISTS");

        assertThat(engine.instancesOf(OrderFulfillment.PROCESS_ID)).hasSize(1);
    }

    @Test
    void secondStartOfARunningOrderUnderAnotherMessageIdStartsNothing() {
        long order = engine.startOrder(order(PaymentMethod.CARD, 120, false, false));
        engine.completeJob(RESERVE_STOCK, RESERVED);

        engine.client()
                .newPublishMessageCommand()
                .messageName(ORDER_PLACED)
                .correlationKey(AN_ORDER)
                .timeToLive(Duration.ZERO)
                .variables(order(PaymentMethod.CARD, 120, false, false))
                .send()
                .join();

        assertThat(engine.instancesOf(OrderFulfillment.PROCESS_ID)).containsExactly(order);
    }

    @Test
    void shipmentStepThatFindsTheOrderBeingCancelledStartsTheCompensationWithTheCustomersReason() {
        long order = engine.startOrder(order(PaymentMethod.CARD, 120, false, false));
        engine.completeJob(RESERVE_STOCK, RESERVED);
        engine.completeJob(CHARGE_CARD, Map.of());

        engine.throwError(
                CREATE_SHIPMENT,
                OrderFulfillment.Error.ORDER_CANCELLED,
                Map.of(CANCEL_REASON, CancelReason.CUSTOMER_REQUEST));
        engine.completeJob(REFUND_PAYMENT, Map.of());
        engine.completeJob(RELEASE_STOCK, Map.of());
        var cancelOrder = engine.completeJob(CANCEL_ORDER, Map.of());

        assertThat(engine.isCompleted(order)).isTrue();
        engine.assertCompletedInOrder(
                order,
                "OrderCannotProceedBoundaryEvent",
                "RefundPaymentTask",
                "ReleaseStockTask",
                "CancelOrderTask",
                "OrderCancelledEndEvent");
        assertThat(cancelOrder.getVariablesAsMap()).containsEntry(CANCEL_REASON, CancelReason.CUSTOMER_REQUEST);
    }

    @Test
    void largeFirstOrderShippedAbroadIsRejectedAndCustomerTold() {
        long order = engine.startOrder(order(PaymentMethod.CARD, 1500, true, true));

        engine.completeJob(REJECT_ORDER, Map.of());

        assertThat(engine.isCompleted(order)).isTrue();
        engine.assertCompletedInOrder(order, "OrderRejectedBoundaryEvent", "RejectOrderTask", "OrderRejectedEndEvent");
        assertThat(engine.reachedElements(order)).contains("RiskRejectedEndEvent");
        assertThat(engine.completedElements(order)).doesNotContain("ReserveStockTask");
    }

    @Test
    void approvedReviewContinuesToStockReservation() {
        long order = engine.startOrder(order(PaymentMethod.CARD, 80, false, true));

        engine.completeJob(HOLD_ORDER_FOR_REVIEW, Map.of());
        engine.publish(REVIEW_DECIDED, AN_ORDER, Map.of(REVIEW_APPROVED, true));

        assertThat(engine.variable(order, RISK_DECISION)).isEqualTo("\"REVIEW\"");
        assertThat(engine.activeElements(order)).contains("ReserveStockTask");
    }

    @Test
    void declinedReviewRejectsOrder() {
        long order = engine.startOrder(order(PaymentMethod.CARD, 1200, true, false));

        engine.completeJob(HOLD_ORDER_FOR_REVIEW, Map.of());
        engine.publish(REVIEW_DECIDED, AN_ORDER, Map.of(REVIEW_APPROVED, false));
        engine.completeJob(REJECT_ORDER, Map.of());

        engine.assertCompletedInOrder(order, "RejectOrderTask", "OrderRejectedEndEvent");
        assertThat(engine.reachedElements(order)).contains("ReviewDeclinedEndEvent");
    }

    @Test
    void reviewNotDecidedWithinTwoDaysRejectsOrder() {
        long order = engine.startOrder(order(PaymentMethod.CARD, 1200, true, false));
        engine.completeJob(HOLD_ORDER_FOR_REVIEW, Map.of());

        engine.increaseTime(Duration.ofDays(2).plusMinutes(1));
        engine.completeJob(REJECT_ORDER, Map.of());

        engine.assertCompletedInOrder(order, "ReviewPeriodElapsedEvent", "RejectOrderTask");
        assertThat(engine.reachedElements(order)).contains("ReviewTimedOutEndEvent");
        assertThat(engine.isCompleted(order)).isTrue();
    }

    @Test
    void backorderedOrderContinuesToPaymentAfterRestock() {
        long order = engine.startOrder(order(PaymentMethod.CARD, 50, false, false));

        engine.completeJob(RESERVE_STOCK, SHORT);
        engine.completeJob(BACKORDER_ORDER, Map.of());
        engine.publish(STOCK_REPLENISHED, AN_ORDER, Map.of());
        engine.completeJob(RESERVE_STOCK, SHORT);
        engine.publish(STOCK_REPLENISHED, AN_ORDER, Map.of());
        engine.completeJob(RESERVE_STOCK, RESERVED);

        engine.assertCompletedInOrder(
                order,
                "PutOrderOnBackorderTask",
                "ReserveStockAgainTask",
                "ReserveStockAgainTask",
                "WaitForRestockSubProcess");
        assertThat(engine.activeElements(order)).contains("ChargeCardTask");
    }

    @Test
    void backorderStillShortAfterFourteenDaysCancelsOrder() {
        long order = engine.startOrder(order(PaymentMethod.CARD, 50, false, false));
        engine.completeJob(RESERVE_STOCK, SHORT);
        engine.completeJob(BACKORDER_ORDER, Map.of());

        engine.increaseTime(Duration.ofDays(14).plusMinutes(1));
        engine.completeJob(REFUND_PAYMENT, Map.of());
        engine.completeJob(RELEASE_STOCK, Map.of());
        engine.completeJob(CANCEL_ORDER, Map.of());

        engine.assertCompletedInOrder(
                order,
                "BackorderPeriodElapsedBoundaryEvent",
                "OrderCannotProceedBoundaryEvent",
                "RefundPaymentTask",
                "ReleaseStockTask",
                "CancelOrderTask",
                "OrderCancelledEndEvent");
        assertThat(engine.variable(order, CANCEL_REASON)).isEqualTo("\"" + CancelReason.BACKORDER_EXPIRED + "\"");
    }

    @Test
    void declinedCardCancelsOrderAndReleasesStock() {
        long order = engine.startOrder(order(PaymentMethod.CARD, 50, false, false));
        engine.completeJob(RESERVE_STOCK, RESERVED);

        engine.throwError(CHARGE_CARD, OrderFulfillment.Error.PAYMENT_DECLINED);
        engine.completeJob(REFUND_PAYMENT, Map.of());
        engine.completeJob(RELEASE_STOCK, Map.of());
        engine.completeJob(CANCEL_ORDER, Map.of());

        engine.assertCompletedInOrder(
                order, "PaymentDeclinedBoundaryEvent", "ReleaseStockTask", "CancelOrderTask", "OrderCancelledEndEvent");
        assertThat(engine.reachedElements(order)).contains("PaymentDeclinedEndEvent");
        assertThat(engine.variable(order, CANCEL_REASON)).isEqualTo("\"" + CancelReason.PAYMENT_DECLINED + "\"");
        assertThat(engine.completedElements(order)).doesNotContain("ShipOrderTask");
    }

    @Test
    void technicalCardFailureBecomesIncidentOnChargeCard() {
        long order = engine.startOrder(order(PaymentMethod.CARD, 50, false, false));
        engine.completeJob(RESERVE_STOCK, RESERVED);

        engine.failJobForGood(CHARGE_CARD, "payment provider unreachable");

        assertThat(engine.incidentElements(order)).containsExactly("ChargeCardTask");
        assertThat(engine.isCompleted(order)).isFalse();
    }

    @Test
    void paidInvoiceShipsOrder() {
        long order = engine.startOrder(order(PaymentMethod.INVOICE, 50, false, false));
        engine.completeJob(RESERVE_STOCK, RESERVED);
        engine.completeJob(ISSUE_INVOICE, Map.of());

        engine.publish(INVOICE_PAID, AN_ORDER, Map.of(PAYMENT_AMOUNT, 50, PAYMENT_REFERENCE, "bank-123"));
        engine.completeJob(RECORD_INVOICE_PAYMENT, Map.of());

        engine.assertCompletedInOrder(
                order, "SendInvoiceTask", "WaitForInvoicePaymentTask", "RecordInvoicePaymentTask");
        assertThat(engine.activeElements(order)).contains("ShipOrderTask");
    }

    @Test
    void invoiceUnpaidAfterSevenDaysGetsReminderAndKeepsWaiting() {
        long order = engine.startOrder(order(PaymentMethod.INVOICE, 50, false, false));
        engine.completeJob(RESERVE_STOCK, RESERVED);
        engine.completeJob(ISSUE_INVOICE, Map.of());

        engine.increaseTime(Duration.ofDays(7).plusMinutes(1));
        engine.completeJob(SEND_PAYMENT_REMINDER, Map.of());

        engine.assertCompletedInOrder(
                order, "InvoiceReminderDueBoundaryEvent", "SendPaymentReminderTask", "PaymentReminderSentEndEvent");
        assertThat(engine.activeElements(order)).contains("WaitForInvoicePaymentTask");
    }

    @Test
    void invoiceUnpaidAfterFourteenDaysCancelsOrderAndReleasesStock() {
        long order = engine.startOrder(order(PaymentMethod.INVOICE, 50, false, false));
        engine.completeJob(RESERVE_STOCK, RESERVED);
        engine.completeJob(ISSUE_INVOICE, Map.of());

        engine.increaseTime(Duration.ofDays(7).plusMinutes(1));
        engine.completeJob(SEND_PAYMENT_REMINDER, Map.of());
        engine.increaseTime(Duration.ofDays(7));
        engine.completeJob(REFUND_PAYMENT, Map.of());
        engine.completeJob(RELEASE_STOCK, Map.of());
        engine.completeJob(CANCEL_ORDER, Map.of());

        engine.assertCompletedInOrder(
                order,
                "InvoiceDeadlinePassedBoundaryEvent",
                "ReleaseStockTask",
                "CancelOrderTask",
                "OrderCancelledEndEvent");
        assertThat(engine.reachedElements(order)).contains("InvoiceUnpaidEndEvent");
        assertThat(engine.variable(order, CANCEL_REASON)).isEqualTo("\"" + CancelReason.INVOICE_UNPAID + "\"");
    }

    @Test
    void cancellationBeforeShipmentRefundsReleasesAndCancels() {
        long order = engine.startOrder(order(PaymentMethod.INVOICE, 50, false, false));
        engine.completeJob(RESERVE_STOCK, RESERVED);
        engine.completeJob(ISSUE_INVOICE, Map.of());

        engine.publish(CANCELLATION_REQUESTED, AN_ORDER, Map.of(CANCEL_REASON, CancelReason.CUSTOMER_REQUEST));
        engine.completeJob(REFUND_PAYMENT, Map.of());
        engine.completeJob(RELEASE_STOCK, Map.of());
        engine.completeJob(CANCEL_ORDER, Map.of());

        engine.assertCompletedInOrder(
                order,
                "CancellationRequestedBoundaryEvent",
                "RefundPaymentTask",
                "ReleaseStockTask",
                "CancelOrderTask",
                "OrderCancelledEndEvent");
        assertThat(engine.isCompleted(order)).isTrue();
    }

    @Test
    void overdueDeliveryAlertsCustomerAndOpsAndKeepsWaiting() {
        long order = engine.startOrder(order(PaymentMethod.CARD, 50, false, false));
        engine.completeJob(RESERVE_STOCK, RESERVED);
        engine.completeJob(CHARGE_CARD, Map.of());
        engine.completeJob(CREATE_SHIPMENT, Map.of());

        engine.increaseTime(Duration.ofDays(10).plusMinutes(1));
        engine.completeJob(ALERT_DELIVERY_OVERDUE, Map.of());

        engine.assertCompletedInOrder(
                order, "DeliveryOverdueBoundaryEvent", "AlertDeliveryOverdueTask", "OverdueAlertSentEndEvent");
        assertThat(engine.activeElements(order)).contains("WaitForDeliveryTask");
    }

    private static Map<String, Object> order(
            String paymentMethod, int total, boolean firstOrder, boolean countryMismatch) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ORDER_ID, AN_ORDER);
        variables.put(CUSTOMER_ID, "customer-1");
        variables.put(ORDER_TOTAL, total);
        variables.put(PAYMENT_METHOD, paymentMethod);
        variables.put(FIRST_ORDER, firstOrder);
        variables.put(COUNTRY_MISMATCH, countryMismatch);
        return variables;
    }
}
