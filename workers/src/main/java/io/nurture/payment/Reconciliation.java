package io.nurture.payment;

import io.nurture.order.Order;
import io.nurture.order.OrderService;
import io.nurture.order.OrderStatus;
import io.nurture.order.PaymentMethod;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The money invariant, checked order by order: for every order whose money has come to rest,
 * what was taken minus what was given back (or is owed back) equals what its state owes (the total
 * for a shipped or delivered order less the goodwill and return refunds granted on it, nothing for a
 * cancelled or rejected one), and for a card order
 * the provider's own books say the same as Nurture's ledger.
 */
@Service
public class Reconciliation {

    private static final Set<OrderStatus> OWES_THE_TOTAL =
            Set.of(OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.RETURNED);
    private static final int ORDERS_PER_QUERY = 500;
    /** Longer than a goodwill or return refund task's retries take: a refund still unanswered then is stuck. */
    private static final Duration PARTIAL_REFUND_ANSWER = Duration.ofMinutes(10);

    private final OrderService orders;
    private final PaymentRepository payments;
    private final PaymentGateway provider;
    private final Clock clock;
    private final AtomicInteger lastViolations = new AtomicInteger();

    Reconciliation(OrderService orders, PaymentRepository payments, PaymentGateway provider, Clock clock) {
        this.orders = orders;
        this.payments = payments;
        this.provider = provider;
        this.clock = clock;
    }

    /**
     * @param taken    captured by card or received by transfer
     * @param returned refunded by the provider or paid out by staff
     * @param owedBack refunds owed (or sent to the provider and not yet answered)
     */
    public record Finding(
            String orderId,
            OrderStatus status,
            BigDecimal owes,
            BigDecimal taken,
            BigDecimal returned,
            BigDecimal owedBack,
            String problem) {}

    /** @param placedSince the orders checked were placed at or after it */
    public record Report(
            Instant checkedAt,
            Instant placedSince,
            int ordersChecked,
            List<Finding> violations,
            int refundsOwed,
            BigDecimal amountOwed) {}

    /**
     * Checks the orders placed since the instant ({@link Instant#EPOCH}: all). One snapshot of orders
     * and ledger (REPEATABLE READ): an order settling mid-check is seen before or after, never half.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Report run(Instant placedSince) {
        List<Order> settled = orders.settledSince(placedSince);
        List<Finding> violations = new ArrayList<>();
        for (int from = 0; from < settled.size(); from += ORDERS_PER_QUERY) {
            List<Order> batch = settled.subList(from, Math.min(from + ORDERS_PER_QUERY, settled.size()));
            Map<String, List<Payment>> ledger =
                    payments.findByOrderIdIn(batch.stream().map(Order::getId).toList()).stream()
                            .collect(Collectors.groupingBy(Payment::getOrderId));
            batch.forEach(order ->
                    check(order, ledger.getOrDefault(order.getId(), List.of())).ifPresent(violations::add));
        }
        List<Payment> owed =
                payments.findByKindInAndStatusOrderByCreatedAtAsc(PaymentKind.GIVING_BACK, PaymentStatus.OWED);
        lastViolations.set(violations.size());
        return new Report(
                clock.instant(),
                placedSince,
                settled.size(),
                violations,
                owed.size(),
                owed.stream().map(Payment::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private Optional<Finding> check(Order order, List<Payment> ledger) {
        BigDecimal partlyRefunded = sum(ledger, p -> p.getKind().isPartialRefund());
        BigDecimal owes = OWES_THE_TOTAL.contains(order.getStatus())
                ? order.getTotal().subtract(partlyRefunded)
                : BigDecimal.ZERO;
        BigDecimal taken = sum(ledger, p -> !p.getKind().givesBack() && p.isCaptured());
        BigDecimal returned = sum(ledger, p -> p.getKind().givesBack() && p.getStatus() == PaymentStatus.REFUNDED);
        BigDecimal owedBack =
                sum(ledger, p -> p.getKind().givesBack() && (p.getStatus() == PaymentStatus.OWED || p.isPending()));
        Optional<Payment> partialRefundOnItsWay = ledger.stream()
                .filter(p -> p.getKind().isPartialRefund() && p.isPending())
                .findFirst();
        String problem = null;
        if (partialRefundOnItsWay.isPresent()) {
            // Granted, and its process is giving it back to the card: not at rest yet, unless it has
            // waited for the provider longer than any retry would (then its task has an incident).
            problem = partialRefundOnItsWay
                    .filter(refund ->
                            refund.getCreatedAt().isBefore(clock.instant().minus(PARTIAL_REFUND_ANSWER)))
                    .map(refund -> "a " + (refund.getKind() == PaymentKind.GOODWILL_REFUND ? "goodwill" : "return")
                            + " refund of " + refund.getAmount().toPlainString()
                            + " the provider has not answered since " + refund.getCreatedAt())
                    .orElse(null);
        } else if (ledger.stream().anyMatch(p -> !p.getKind().givesBack() && p.isPending())) {
            problem = "a charge whose answer was never booked";
        } else if (taken.subtract(returned).subtract(owedBack).compareTo(owes) != 0) {
            problem = "holds " + taken.subtract(returned).subtract(owedBack).toPlainString()
                    + " for an order that owes " + owes.toPlainString();
        } else if (order.getPaymentMethod() == PaymentMethod.CARD) {
            problem = disagreementWithProvider(order.getId(), ledger);
        }
        return Optional.ofNullable(problem)
                .map(reason -> new Finding(order.getId(), order.getStatus(), owes, taken, returned, owedBack, reason));
    }

    private String disagreementWithProvider(String orderId, List<Payment> ledger) {
        BigDecimal charged = atProvider(PaymentLedger.chargeKey(orderId));
        BigDecimal refunded = atProvider(PaymentLedger.refundKey(orderId))
                .add(ledger.stream()
                        .filter(p -> p.getKind().isPartialRefund())
                        .map(p -> atProvider(p.getIdempotencyKey()))
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal bookedCharge = sum(ledger, p -> p.getKind() == PaymentKind.CHARGE && p.isCaptured());
        BigDecimal bookedRefund = sum(ledger, p -> p.getKind().givesBack() && p.getStatus() != PaymentStatus.OWED);
        if (charged.compareTo(bookedCharge) != 0 || refunded.compareTo(bookedRefund) != 0) {
            return "the provider charged " + charged.toPlainString() + " and refunded " + refunded.toPlainString()
                    + "; the ledger says " + bookedCharge.toPlainString() + " and " + bookedRefund.toPlainString();
        }
        return null;
    }

    private BigDecimal atProvider(String idempotencyKey) {
        return provider.lookUp(idempotencyKey)
                .filter(PaymentGateway.Movement::approved)
                .map(PaymentGateway.Movement::amount)
                .orElse(BigDecimal.ZERO);
    }

    private static BigDecimal sum(List<Payment> ledger, Predicate<Payment> which) {
        return ledger.stream().filter(which).map(Payment::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Orders that broke the invariant at the last run. */
    int lastViolations() {
        return lastViolations.get();
    }
}
