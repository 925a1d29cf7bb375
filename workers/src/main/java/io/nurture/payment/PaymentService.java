package io.nurture.payment;

import io.nurture.notification.Category;
import io.nurture.notification.NotificationService;
import io.nurture.order.CancellationRequestedException;
import io.nurture.order.Order;
import io.nurture.order.OrderService;
import io.nurture.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charges, invoices and refunds, each at most once per order, on the order's money ledger
 * ({@link PaymentLedger}): the intent of every provider call is committed before the call, its
 * answer after it, and never inside a transaction that could roll the record back while the money
 * stays moved.
 */
@Service
public class PaymentService {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentService.class);
    private static final Duration INVOICE_TERM = Duration.ofDays(14);
    /** A refund call that takes longer than this has failed; the late-charge check calls it again. */
    private static final Duration UNANSWERED_REFUND = Duration.ofMinutes(1);

    private final PaymentLedger ledger;
    private final PaymentRepository payments;
    private final PaymentGateway gateway;
    private final OrderService orders;
    private final NotificationService notifications;
    private final Clock clock;

    PaymentService(
            PaymentLedger ledger,
            PaymentRepository payments,
            PaymentGateway gateway,
            OrderService orders,
            NotificationService notifications,
            Clock clock) {
        this.ledger = ledger;
        this.payments = payments;
        this.gateway = gateway;
        this.orders = orders;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Charges the order's card; false when the card is declined. An order being cancelled is not
     * charged; one whose cancellation started while the provider took the charge is refunded at once.
     */
    public boolean chargeCard(String orderId) {
        PaymentLedger.ChargePlan plan = ledger.planCharge(orderId);
        if (plan.settled() != null) {
            return plan.settled();
        }
        PaymentGateway.ChargeResult result =
                gateway.charge(plan.cardToken(), plan.amount(), plan.currency(), plan.idempotencyKey());
        PaymentLedger.ChargeOutcome outcome = ledger.recordCharge(orderId, result);
        if (outcome == PaymentLedger.ChargeOutcome.CAPTURED_WHILE_CANCELLING) {
            refund(orderId);
            throw new CancellationRequestedException(orderId);
        }
        return outcome == PaymentLedger.ChargeOutcome.APPROVED;
    }

    /** Sends the invoice; an order a coupon paid in full has nothing to invoice and is paid at once. */
    @Transactional
    public void issueInvoice(String orderId) {
        Order locked = orders.lockToProceed(orderId);
        if (locked.getTotal().signum() == 0) {
            ledger.settleCoveredInvoice(locked);
            return;
        }
        Order order = orders.move(locked, OrderStatus.AWAITING_PAYMENT, "Invoice sent, payable within 14 days");
        LocalDate due =
                clock.instant().plus(INVOICE_TERM).atZone(ZoneOffset.UTC).toLocalDate();
        notifications.tellCustomer(order, "invoice-issued", Map.of("dueDate", due.toString()));
    }

    @Transactional
    public void remindOfPayment(String orderId) {
        notifications.tellCustomer(orders.get(orderId), "payment-reminder", Map.of());
    }

    /** The invoice payment taken for the order, if one was. */
    public Optional<Payment> invoicePayment(String orderId) {
        return payments.findByOrderIdAndKind(orderId, PaymentKind.INVOICE);
    }

    /**
     * Books an invoice payment the moment it arrives, before the process hears of it: a
     * cancellation that overtakes the payment message then still finds the money to give back.
     */
    @Transactional
    public void receiveInvoicePayment(Order lockedOrder, BigDecimal amount, String reference) {
        ledger.receiveInvoicePayment(lockedOrder, amount, reference);
    }

    @Transactional
    public void recordInvoicePayment(String orderId, BigDecimal amount, String reference) {
        Order order = orders.lockToProceed(orderId);
        if (payments.findByOrderIdAndKind(orderId, PaymentKind.INVOICE).isEmpty()) {
            ledger.receiveInvoicePayment(order, amount, reference);
        }
        orders.move(order, OrderStatus.PAID, "Invoice paid (" + reference + ")");
        notifications.tellCustomer(order, "payment-received", Map.of());
    }

    /**
     * Money that arrives for an invoice after the order ended, or while it is being cancelled, is
     * not kept: it is booked and owed back in full, and ops are told so someone transfers it.
     */
    public void oweBackLatePayment(String orderId, BigDecimal amount, String reference) {
        ledger.oweBackLatePayment(orderId, amount, reference);
    }

    /**
     * The first step of every cancellation: gives back whatever was taken for the order. A card
     * charge is refunded through the provider (a charge whose answer was lost is first asked for by
     * its key); an invoice payment becomes a refund owed, which staff pay out and settle.
     */
    public void refund(String orderId) {
        PaymentLedger.RefundPlan plan = ledger.planRefund(orderId);
        if (plan.chargeToAskAbout() != null) {
            plan = ledger.resolveUnansweredCharge(orderId, gateway.lookUp(plan.chargeToAskAbout()));
        }
        if (plan.needsProvider()) {
            String reference =
                    gateway.refund(plan.chargeReference(), plan.amount(), plan.currency(), plan.idempotencyKey());
            ledger.recordRefund(orderId, reference);
        }
    }

    /**
     * Grants a goodwill refund on a shipped or delivered order (see {@link PaymentLedger#grantGoodwill});
     * its process gives the money back.
     *
     * @param refundId the refund's id: one per request, so a request sent again grants nothing more
     */
    public Payment grantGoodwillRefund(String refundId, String orderId, BigDecimal amount, String reason) {
        try {
            return ledger.grantGoodwill(refundId, orderId, amount, reason);
        } catch (DataIntegrityViolationException raced) {
            // The same id for another order committed first (one order's requests wait on its lock):
            // asked again, its refund refuses this request as the key's reuse, as it would have later.
            return ledger.grantGoodwill(refundId, orderId, amount, reason);
        }
    }

    /** See {@link PaymentLedger#grantInsteadOfReplacement}. */
    public Optional<Payment> refundInsteadOfReplacement(
            String refundId, String orderId, BigDecimal worth, String reason) {
        return ledger.grantInsteadOfReplacement(refundId, orderId, worth, reason);
    }

    /**
     * The goodwill refund's process step: a card refund goes through the provider under the refund's
     * own key (a step run again asks the same refund, which the provider does once); a transfer is
     * owed to staff. The customer is told once, either way.
     */
    public void giveGoodwillRefund(String refundId) {
        giveBack(refundId);
        ledger.tellOfGoodwill(refundId);
    }

    /**
     * Writes the refund for a return's accepted items to the ledger (see {@link
     * PaymentLedger#grantReturnRefund}); answers what it gives back.
     *
     * @param refundId the refund's id, one per return
     */
    public BigDecimal grantReturnRefund(String refundId, String returnId, String orderId, BigDecimal amount) {
        return ledger.grantReturnRefund(refundId, returnId, orderId, amount);
    }

    /**
     * Gives a goodwill or return refund back: a card refund through the provider under the refund's
     * own key (a step run again asks the same refund, which the provider does once); a transfer stays
     * owed to staff.
     */
    public void giveBack(String refundId) {
        PaymentLedger.RefundPlan plan = ledger.planPartialRefund(refundId);
        if (plan.needsProvider()) {
            String reference =
                    gateway.refund(plan.chargeReference(), plan.amount(), plan.currency(), plan.idempotencyKey());
            ledger.recordPartialRefund(refundId, reference);
        }
    }

    /**
     * A cancellation that asks the provider about a charge still on its way finds nothing and voids
     * it; if the provider books it after all and the charging step loses the answer, nobody else
     * would. Charges voided within the lookback are asked about again: one the provider booked is
     * captured on the ledger and refunded. Card refunds of the lookback still unanswered after
     * {@link #UNANSWERED_REFUND} (a refund call that failed here, or a stop before it) are called
     * again with their key. One failing order does not stop the others. Returns how many refunds
     * the provider confirmed.
     */
    public int giveBackLateCharges(Duration lookback) {
        Instant since = clock.instant().minus(lookback);
        int givenBack = 0;
        for (Payment voided : ledger.voidChargesSince(since)) {
            givenBack += giveBack(voided.getOrderId(), () -> bookedAfterAll(voided));
        }
        for (Payment refund : ledger.unansweredRefunds(since, clock.instant().minus(UNANSWERED_REFUND))) {
            givenBack += giveBack(refund.getOrderId(), () -> true);
        }
        return givenBack;
    }

    private boolean bookedAfterAll(Payment voided) {
        Optional<PaymentGateway.Movement> booked =
                gateway.lookUp(voided.getIdempotencyKey()).filter(PaymentGateway.Movement::approved);
        return booked.isPresent() && ledger.recordLateCharge(voided.getOrderId(), booked.get());
    }

    private int giveBack(String orderId, BooleanSupplier owed) {
        try {
            if (!owed.getAsBoolean()) {
                return 0;
            }
            refund(orderId);
            return 1;
        } catch (RuntimeException providerOrDatabase) {
            LOG.warn(
                    "Could not give back the charge of order {} yet; the next check tries again",
                    orderId,
                    providerOrDatabase);
            return 0;
        }
    }

    /** Refunds owed to customers who paid by transfer, oldest first. */
    @Transactional(readOnly = true)
    public List<Payment> refundsOwed() {
        return payments.findByKindInAndStatusOrderByCreatedAtAsc(PaymentKind.GIVING_BACK, PaymentStatus.OWED);
    }

    @Transactional(readOnly = true)
    public Optional<Payment> refundById(String refundId) {
        return payments.findById(refundId).filter(payment -> payment.getKind().givesBack());
    }

    /**
     * Staff paid an owed refund out by transfer: settled with their bank reference, noted on the
     * order, and the customer is told. Settling again with the same reference changes nothing.
     */
    @Transactional
    public Payment settleRefund(String refundId, String bankReference, String staffClient) {
        Payment refund = payments.findForUpdate(refundId)
                .filter(payment -> payment.getKind().givesBack())
                .orElseThrow(() -> new UnknownRefundException(refundId));
        if (refund.getStatus() == PaymentStatus.REFUNDED && bankReference.equals(refund.getProviderReference())) {
            return refund;
        }
        if (refund.getStatus() != PaymentStatus.OWED) {
            throw new RefundNotOwedException(refund);
        }
        Order order = orders.lock(refund.getOrderId());
        refund.settle(bankReference, staffClient, clock.instant());
        orders.noteDecision(
                order,
                "Refund of " + refund.getAmount().toPlainString() + " " + refund.getCurrency()
                        + " paid out by transfer (" + bankReference + ")",
                staffClient);
        Map<String, Object> paid =
                Map.of("amount", refund.getAmount().toPlainString(), "currency", refund.getCurrency());
        if (refund.getKind().isPartialRefund()) {
            // An order may have several: each payout is told once, by its own key.
            notifications.messageCustomer(
                    order.getCustomerId(),
                    order.getId(),
                    refund.getKind() == PaymentKind.GOODWILL_REFUND ? "goodwill-refund-paid" : "return-refund-paid",
                    Category.TRANSACTIONAL,
                    (refund.getKind() == PaymentKind.GOODWILL_REFUND ? "goodwill-refund-paid-" : "return-refund-paid-")
                            + refundId,
                    paid);
        } else {
            notifications.tellCustomer(order, "refund-paid", paid);
        }
        return refund;
    }

    /**
     * The order's payment as its view shows it.
     *
     * @param status  CAPTURED, DECLINED, OWED or REFUNDED once money moved for the order; PENDING
     *                before. Goodwill and return refunds give part of it back and leave it as it was.
     * @param refunds money given back or owed back: its cancellation refund, goodwill and return refunds
     */
    public record OrderPayment(String status, List<Payment> refunds) {}

    @Transactional(readOnly = true)
    public OrderPayment paymentOf(String orderId) {
        List<Payment> ledger = payments.findByOrderId(orderId);
        Map<PaymentKind, Payment> byKind = ledger.stream()
                .filter(payment -> !payment.getKind().isPartialRefund())
                .collect(Collectors.toMap(Payment::getKind, p -> p));
        String status = Stream.of(PaymentKind.REFUND, PaymentKind.CHARGE, PaymentKind.INVOICE)
                .filter(byKind::containsKey)
                .findFirst()
                .map(kind -> byKind.get(kind).getStatus().name())
                .orElse("PENDING");
        return new OrderPayment(
                status,
                ledger.stream()
                        .filter(payment -> payment.getKind().givesBack())
                        .sorted(Comparator.comparing(Payment::getCreatedAt))
                        .toList());
    }
}
