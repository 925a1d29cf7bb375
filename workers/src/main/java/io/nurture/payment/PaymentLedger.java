package io.nurture.payment;

import io.nurture.notification.Category;
import io.nurture.notification.NotificationService;
import io.nurture.orchestration.ProcessMessages;
import io.nurture.order.Order;
import io.nurture.order.OrderRows;
import io.nurture.order.OrderService;
import io.nurture.order.OrderStateConflictException;
import io.nurture.order.OrderStatus;
import io.nurture.order.PaymentMethod;
import io.nurture.processes.OrderFulfillment.Variable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order's money ledger, each method one transaction under the order's row lock. Provider calls
 * happen between these transactions, never inside one: the intent is committed before the call and
 * the answer after it, so a step that died in between leaves a {@code PENDING} row to ask about.
 */
@Component
class PaymentLedger {

    static final String COVERED_BY_COUPON = "COVERED-BY-COUPON";

    /** The key the provider knows the order's charge by. */
    static String chargeKey(String orderId) {
        return "charge-" + orderId;
    }

    static String refundKey(String orderId) {
        return "refund-" + orderId;
    }

    private final PaymentRepository payments;
    private final ChargeRows charges;
    private final OrderService orders;
    private final OrderRows orderRows;
    private final NotificationService notifications;
    private final ProcessMessages messages;
    private final Clock clock;

    PaymentLedger(
            PaymentRepository payments,
            ChargeRows charges,
            OrderService orders,
            OrderRows orderRows,
            NotificationService notifications,
            ProcessMessages messages,
            Clock clock) {
        this.payments = payments;
        this.charges = charges;
        this.orders = orders;
        this.orderRows = orderRows;
        this.notifications = notifications;
        this.messages = messages;
        this.clock = clock;
    }

    /** The provider call a charge needs, or its outcome where none is needed (settled before, or nothing to pay). */
    record ChargePlan(Boolean settled, String cardToken, BigDecimal amount, String currency, String idempotencyKey) {

        static ChargePlan settled(boolean approved) {
            return new ChargePlan(approved, null, null, null, null);
        }
    }

    enum ChargeOutcome {
        APPROVED,
        DECLINED,
        CAPTURED_WHILE_CANCELLING
    }

    @Transactional
    ChargePlan planCharge(String orderId) {
        OrderRows.Locked order = orderRows.lockToProceed(orderId);
        Optional<ChargeRows.Charge> earlier = charges.find(orderId);
        if (earlier.isPresent() && !earlier.get().isPending()) {
            return ChargePlan.settled(earlier.get().isCaptured());
        }
        if (earlier.isEmpty() && order.total().signum() == 0) {
            payments.save(new Payment(
                    orderId,
                    PaymentKind.CHARGE,
                    PaymentStatus.CAPTURED,
                    BigDecimal.ZERO,
                    order.currency(),
                    null,
                    COVERED_BY_COUPON,
                    clock.instant()));
            paid(order, "Nothing to charge: the total is zero (a coupon covers it, or it replaces returned items)");
            return ChargePlan.settled(true);
        }
        ChargeRows.Charge intent = earlier.orElseGet(() ->
                charges.writeIntent(orderId, order.total(), order.currency(), chargeKey(orderId), clock.instant()));
        return new ChargePlan(null, order.cardToken(), intent.amount(), intent.currency(), intent.idempotencyKey());
    }

    /** Books the provider's answer once; a redelivered step finds it booked and repeats no mail. */
    @Transactional
    ChargeOutcome recordCharge(String orderId, PaymentGateway.ChargeResult result) {
        OrderRows.Locked order = orderRows.lock(orderId);
        ChargeRows.Charge charge = charges.find(orderId).orElseThrow();
        boolean firstAnswer = charge.isPending() || charge.status() == PaymentStatus.VOID;
        if (firstAnswer) {
            charge = charges.answer(
                    charge,
                    result.approved() ? PaymentStatus.CAPTURED : PaymentStatus.DECLINED,
                    result.providerReference(),
                    result.declineReason(),
                    clock.instant());
        }
        if (!charge.isCaptured()) {
            return ChargeOutcome.DECLINED;
        }
        if (order.cancellationRequested()) {
            return ChargeOutcome.CAPTURED_WHILE_CANCELLING;
        }
        if (firstAnswer) {
            paid(order, "Card charged");
        }
        return ChargeOutcome.APPROVED;
    }

    private void paid(OrderRows.Locked order, String note) {
        notifications.tellCustomer(
                orderRows.paid(order, note),
                "order-confirmed",
                Map.of("nothingToPay", order.total().signum() == 0));
    }

    /** What giving the order's money back needs next. */
    record RefundPlan(
            String chargeToAskAbout,
            String chargeReference,
            BigDecimal amount,
            String currency,
            String idempotencyKey) {

        static final RefundPlan NOTHING_TO_DO = new RefundPlan(null, null, null, null, null);

        static RefundPlan askAbout(Payment charge) {
            return new RefundPlan(charge.getIdempotencyKey(), null, null, null, null);
        }

        static RefundPlan call(String chargeReference, Payment refund) {
            return new RefundPlan(
                    null, chargeReference, refund.getAmount(), refund.getCurrency(), refund.getIdempotencyKey());
        }

        boolean needsProvider() {
            return idempotencyKey != null;
        }
    }

    /**
     * The first step of every cancellation: marks the order as being cancelled (so money arriving
     * from now on is owed back), then plans what is owed for what was taken. A card charge goes
     * back through the provider; an invoice payment is owed: staff transfer it.
     */
    @Transactional
    RefundPlan planRefund(String orderId) {
        Order order = orders.lock(orderId);
        orders.startCancellation(order);
        Optional<Payment> refund = payments.findByOrderIdAndKind(orderId, PaymentKind.REFUND);
        if (refund.isPresent()) {
            return refund.get().isPending()
                    ? RefundPlan.call(chargeReference(orderId), refund.get())
                    : RefundPlan.NOTHING_TO_DO;
        }
        if (order.getPaymentMethod() == PaymentMethod.CARD) {
            return planCardRefund(order);
        }
        payments.findByOrderIdAndKind(orderId, PaymentKind.INVOICE)
                .filter(paid -> paid.isCaptured() && paid.getAmount().signum() > 0)
                .ifPresent(paid -> oweBack(order, paid, "refund-owed"));
        return RefundPlan.NOTHING_TO_DO;
    }

    private RefundPlan planCardRefund(Order order) {
        Optional<Payment> charge = payments.findByOrderIdAndKind(order.getId(), PaymentKind.CHARGE);
        if (charge.isEmpty()) {
            return RefundPlan.NOTHING_TO_DO;
        }
        if (charge.get().isPending()) {
            return RefundPlan.askAbout(charge.get());
        }
        if (!charge.get().isCaptured() || charge.get().getAmount().signum() == 0) {
            return RefundPlan.NOTHING_TO_DO;
        }
        Payment refund = payments.save(Payment.intent(
                order.getId(),
                PaymentKind.REFUND,
                charge.get().getAmount(),
                charge.get().getCurrency(),
                refundKey(order.getId()),
                "refund of " + charge.get().getId(),
                clock.instant()));
        return RefundPlan.call(charge.get().getProviderReference(), refund);
    }

    private String chargeReference(String orderId) {
        return payments.findByOrderIdAndKind(orderId, PaymentKind.CHARGE)
                .map(Payment::getProviderReference)
                .orElse(null);
    }

    /**
     * A charge whose answer was never booked (the step died between call and commit): what the
     * provider says it did under the charge's key is what happened. Nothing there: it never took
     * the call, and a call still under way books its late answer itself (and refunds it).
     */
    @Transactional
    RefundPlan resolveUnansweredCharge(String orderId, Optional<PaymentGateway.Movement> atProvider) {
        orders.lock(orderId);
        Payment charge =
                payments.findByOrderIdAndKind(orderId, PaymentKind.CHARGE).orElseThrow();
        if (charge.isPending()) {
            PaymentStatus outcome = atProvider
                    .map(movement -> movement.approved() ? PaymentStatus.CAPTURED : PaymentStatus.DECLINED)
                    .orElse(PaymentStatus.VOID);
            charge.complete(
                    outcome,
                    atProvider.map(PaymentGateway.Movement::providerReference).orElse(null),
                    clock.instant());
        }
        return planRefund(orderId);
    }

    /**
     * Grants a goodwill refund on a shipped or delivered order, at most what the order took less
     * what it gave back already. Written before any money moves (the card's refund is PENDING until
     * the provider answers, a transfer is OWED to staff) and its process started in the same
     * transaction. The same request again finds its refund; another request under its id is refused.
     */
    @Transactional
    Payment grantGoodwill(String refundId, String orderId, BigDecimal amount, String reason) {
        Order order = orders.lock(orderId);
        Optional<Payment> earlier = payments.findById(refundId);
        if (earlier.isPresent()) {
            return sameRequest(earlier.get(), orderId, amount, reason);
        }
        if (order.getStatus() != OrderStatus.SHIPPED && order.getStatus() != OrderStatus.DELIVERED) {
            throw new OrderStateConflictException("Order " + orderId + " is " + order.getStatus()
                    + ": goodwill refunds are for shipped or delivered orders");
        }
        BigDecimal left = leftToRefund(orderId);
        if (amount.compareTo(left) > 0) {
            throw new RefundExceedsWhatIsLeftException(left, order.getCurrency());
        }
        return grant(order, refundId, amount, reason);
    }

    /**
     * Gives back what a return's items were worth when their replacement ended before it shipped
     * (the customer has neither the items nor the money): at most what the order kept, as a goodwill
     * refund, whose process gives the money back and tells the customer. The caller asks first
     * whether it was granted (without this order's lock); asked again under the lock here.
     *
     * @return the refund granted now; empty when it was granted before or the order kept nothing
     */
    @Transactional
    Optional<Payment> grantInsteadOfReplacement(String refundId, String orderId, BigDecimal worth, String reason) {
        Order order = orders.lock(orderId);
        if (payments.existsById(refundId)) {
            return Optional.empty();
        }
        BigDecimal amount = worth.min(leftToRefund(orderId));
        return amount.signum() > 0 ? Optional.of(grant(order, refundId, amount, reason)) : Optional.empty();
    }

    private Payment grant(Order order, String refundId, BigDecimal amount, String reason) {
        String orderId = order.getId();
        Payment refund = payments.save(Payment.partialRefund(
                PaymentKind.GOODWILL_REFUND,
                refundId,
                refundId,
                orderId,
                amount,
                order.getCurrency(),
                order.getPaymentMethod() == PaymentMethod.CARD,
                reason,
                clock.instant()));
        orders.note(
                order,
                "Goodwill refund of " + amount.toPlainString() + " " + order.getCurrency() + " granted: " + reason);
        messages.goodwillRefundGranted(refundId, orderId);
        return refund;
    }

    private static Payment sameRequest(Payment earlier, String orderId, BigDecimal amount, String reason) {
        if (earlier.getKind() != PaymentKind.GOODWILL_REFUND
                || !earlier.getOrderId().equals(orderId)
                || earlier.getAmount().compareTo(amount) != 0
                || !earlier.getReason().equals(reason)) {
            throw new RefundRequestReusedException();
        }
        return earlier;
    }

    /**
     * Writes the refund for a return's accepted items, at most what the order took and has not
     * given back (a goodwill refund may have given part of it already). Answers what it gives back,
     * zero when nothing is left; the same return again finds its refund.
     */
    @Transactional
    BigDecimal grantReturnRefund(String refundId, String returnId, String orderId, BigDecimal amount) {
        Order order = orders.lock(orderId);
        Optional<Payment> earlier = payments.findById(refundId);
        if (earlier.isPresent()) {
            return earlier.get().getAmount();
        }
        BigDecimal granted = amount.min(leftToRefund(orderId));
        if (granted.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        payments.save(Payment.partialRefund(
                PaymentKind.RETURN_REFUND,
                refundId,
                returnId,
                orderId,
                granted,
                order.getCurrency(),
                order.getPaymentMethod() == PaymentMethod.CARD,
                "return " + returnId,
                clock.instant()));
        orders.note(
                order,
                "Return refund of " + granted.toPlainString() + " " + order.getCurrency() + " for return " + returnId);
        return granted;
    }

    /** What the order took and has not given back, nor owes back. */
    private BigDecimal leftToRefund(String orderId) {
        BigDecimal left = BigDecimal.ZERO;
        for (Payment payment : payments.findByOrderId(orderId)) {
            if (payment.getKind().givesBack()) {
                left = left.subtract(payment.getAmount());
            } else if (payment.isCaptured()) {
                left = left.add(payment.getAmount());
            }
        }
        return left;
    }

    /**
     * The provider call a goodwill or return refund still needs; none once answered, or for a
     * transfer staff pay out. Each step locks the refund's row first (then the order, as settling
     * does): a job handed out twice runs its steps one after the other.
     */
    @Transactional
    RefundPlan planPartialRefund(String refundId) {
        Payment refund = payments.findForUpdate(refundId).orElseThrow();
        orders.lock(refund.getOrderId());
        return refund.isPending()
                ? RefundPlan.call(chargeReference(refund.getOrderId()), refund)
                : RefundPlan.NOTHING_TO_DO;
    }

    /** Books the provider's refund once. */
    @Transactional
    void recordPartialRefund(String refundId, String providerReference) {
        Payment refund = payments.findForUpdate(refundId).orElseThrow();
        Order order = orders.lock(refund.getOrderId());
        if (!refund.isPending()) {
            return;
        }
        refund.complete(PaymentStatus.REFUNDED, providerReference, clock.instant());
        String what = refund.getKind() == PaymentKind.GOODWILL_REFUND ? "Goodwill refund" : "Return refund";
        orders.note(
                order,
                what + " of " + refund.getAmount().toPlainString() + " " + refund.getCurrency()
                        + " given back to the card");
    }

    /** Tells the customer of their goodwill refund, once per refund. */
    @Transactional
    void tellOfGoodwill(String refundId) {
        Payment refund = payments.findForUpdate(refundId).orElseThrow();
        Order order = orders.lock(refund.getOrderId());
        notifications.messageCustomer(
                order.getCustomerId(),
                order.getId(),
                "goodwill-refund",
                Category.TRANSACTIONAL,
                "goodwill-refund-" + refundId,
                Map.of(
                        "amount", refund.getAmount().toPlainString(),
                        "currency", refund.getCurrency(),
                        "byCard", order.getPaymentMethod() == PaymentMethod.CARD));
    }

    /** Charges a cancellation voided (the provider had nothing under their key then), voided since {@code since}. */
    @Transactional(readOnly = true)
    List<Payment> voidChargesSince(Instant since) {
        return payments.findByKindAndStatusAndCompletedAtAfter(PaymentKind.CHARGE, PaymentStatus.VOID, since);
    }

    /** Card refunds whose intent was written between the two instants and whose provider answer is not booked. */
    @Transactional(readOnly = true)
    List<Payment> unansweredRefunds(Instant from, Instant to) {
        return payments.findByKindAndStatusAndCreatedAtBetween(PaymentKind.REFUND, PaymentStatus.PENDING, from, to);
    }

    /**
     * A void charge the provider booked after all: captured now, with its refund's intent written in the
     * same transaction, so that a stop before the provider is called leaves an unanswered refund to retry.
     */
    @Transactional
    boolean recordLateCharge(String orderId, PaymentGateway.Movement booked) {
        orders.lock(orderId);
        Payment charge =
                payments.findByOrderIdAndKind(orderId, PaymentKind.CHARGE).orElseThrow();
        if (charge.getStatus() != PaymentStatus.VOID) {
            return false;
        }
        charge.complete(PaymentStatus.CAPTURED, booked.providerReference(), clock.instant());
        planRefund(orderId);
        return true;
    }

    @Transactional
    void recordRefund(String orderId, String providerReference) {
        Order order = orders.lock(orderId);
        Payment refund =
                payments.findByOrderIdAndKind(orderId, PaymentKind.REFUND).orElseThrow();
        if (refund.isPending()) {
            refund.complete(PaymentStatus.REFUNDED, providerReference, clock.instant());
            orders.note(
                    order,
                    "Refunded " + refund.getAmount().toPlainString() + " " + refund.getCurrency() + " to the card");
        }
    }

    /** Books an invoice payment the moment it arrives, before the process hears of it. */
    @Transactional
    void receiveInvoicePayment(Order lockedOrder, BigDecimal amount, String reference) {
        payments.save(new Payment(
                lockedOrder.getId(),
                PaymentKind.INVOICE,
                PaymentStatus.CAPTURED,
                amount,
                lockedOrder.getCurrency(),
                null,
                reference,
                clock.instant()));
    }

    /**
     * Money that arrives for an order that ended or is being cancelled is booked and owed back in
     * full; ops are told so someone transfers it.
     */
    @Transactional
    void oweBackLatePayment(String orderId, BigDecimal amount, String reference) {
        Order order = orders.lock(orderId);
        if (payments.findByOrderIdAndKind(orderId, PaymentKind.INVOICE).isPresent()) {
            return;
        }
        Payment late = payments.save(new Payment(
                orderId,
                PaymentKind.INVOICE,
                PaymentStatus.CAPTURED,
                amount,
                order.getCurrency(),
                null,
                reference,
                clock.instant()));
        if (payments.findByOrderIdAndKind(orderId, PaymentKind.REFUND).isEmpty()) {
            oweBack(order, late, "late-payment-refund");
        }
    }

    private void oweBack(Order order, Payment paid, String opsTemplate) {
        Payment owed = payments.save(new Payment(
                order.getId(),
                PaymentKind.REFUND,
                PaymentStatus.OWED,
                paid.getAmount(),
                paid.getCurrency(),
                null,
                "refund of " + paid.getId(),
                clock.instant()));
        orders.note(
                order,
                "Refund owed: " + paid.getAmount().toPlainString() + " " + paid.getCurrency() + " paid by transfer ("
                        + paid.getReference() + ") is to be paid back");
        notifications.alertOps(
                order,
                opsTemplate,
                Map.of(
                        "amount",
                        paid.getAmount().toPlainString(),
                        "reference",
                        paid.getReference(),
                        "refundId",
                        owed.getId()));
    }

    /** An invoice a coupon covers in full: nothing to pay, booked as paid at once. */
    @Transactional
    void settleCoveredInvoice(Order lockedOrder) {
        if (payments.findByOrderIdAndKind(lockedOrder.getId(), PaymentKind.INVOICE)
                .isPresent()) {
            return;
        }
        orders.move(
                lockedOrder,
                OrderStatus.AWAITING_PAYMENT,
                "Nothing to pay: the total is zero (a coupon covers it, or it replaces returned items)");
        receiveInvoicePayment(lockedOrder, BigDecimal.ZERO, COVERED_BY_COUPON);
        messages.invoicePaid(
                lockedOrder.getId(),
                Map.of(Variable.PAYMENT_AMOUNT, BigDecimal.ZERO, Variable.PAYMENT_REFERENCE, COVERED_BY_COUPON));
    }
}
