package io.nurture.order.web;

import io.nurture.api.ConflictException;
import io.nurture.api.InvalidRequestException;
import io.nurture.orchestration.ProcessMessages;
import io.nurture.order.Order;
import io.nurture.order.OrderService;
import io.nurture.order.OrderStatus;
import io.nurture.order.PaymentMethod;
import io.nurture.payment.Payment;
import io.nurture.payment.PaymentService;
import io.nurture.processes.OrderFulfillment.CancelReason;
import io.nurture.processes.OrderFulfillment.Variable;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people and systems ask of a running order. Each request checks the order's state under its
 * row lock and hands the decision to the process as a message; the process's workers do the rest.
 */
@Service
class OrderCommands {

    private final OrderService orders;
    private final ProcessMessages messages;
    private final PaymentService payments;
    private final Clock clock;

    OrderCommands(OrderService orders, ProcessMessages messages, PaymentService payments, Clock clock) {
        this.payments = payments;
        this.orders = orders;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public Order requestCancellation(String orderId) {
        Order order = orders.lock(orderId);
        if (!order.getStatus().canBeCancelled()) {
            throw new ConflictException("Order " + orderId + " is " + order.getStatus() + " and can no longer be cancelled");
        }
        order.requestCancellation(clock.instant());
        messages.cancellationRequested(orderId, CancelReason.CUSTOMER_REQUEST);
        return order;
    }

    @Transactional
    public Order decideReview(String orderId, boolean approved, String note) {
        Order order = orders.lock(orderId);
        if (order.getStatus() != OrderStatus.IN_REVIEW) {
            throw new ConflictException("Order " + orderId + " is " + order.getStatus() + ", not in review");
        }
        String decision = approved ? "Review approved" : "Review declined";
        order.note(note == null || note.isBlank() ? decision : decision + ": " + note, clock.instant());
        messages.reviewDecided(orderId, approved);
        return order;
    }

    /**
     * Answers true when the payment settles the invoice, false when it came too late and is owed back.
     * Too late includes a cancellation already requested: the process is leaving the wait for
     * payment, so a payment message would find nobody to take it and the money would be lost.
     */
    @Transactional
    public boolean payInvoice(String orderId, BigDecimal amount, String reference) {
        Order order = orders.lock(orderId);
        Optional<Payment> received = payments.invoicePayment(orderId);
        if (received.isPresent()) {
            return repeated(order, received.get(), reference);
        }
        if (order.getPaymentMethod() == PaymentMethod.INVOICE && (hasEnded(order) || order.isCancellationRequested())) {
            payments.oweBackLatePayment(orderId, amount, reference);
            return false;
        }
        if (order.getStatus() != OrderStatus.AWAITING_PAYMENT) {
            throw new ConflictException("Order " + orderId + " is " + order.getStatus() + ", not awaiting an invoice payment");
        }
        if (amount.compareTo(order.getTotal()) != 0) {
            throw new InvalidRequestException("amount", "must equal the invoice total " + order.getTotal().toPlainString());
        }
        payments.receiveInvoicePayment(order, amount, reference);
        messages.invoicePaid(orderId, Map.of(Variable.PAYMENT_AMOUNT, amount, Variable.PAYMENT_REFERENCE, reference));
        return true;
    }

    /** The bank resending a payment gets the first answer again; a second, different payment is refused. */
    private static boolean repeated(Order order, Payment received, String reference) {
        if (!received.getReference().equals(reference)) {
            throw new ConflictException("Order " + order.getId() + "'s invoice was already paid (reference "
                    + received.getReference() + ")");
        }
        return !hasEnded(order);
    }

    private static boolean hasEnded(Order order) {
        return order.getStatus() == OrderStatus.CANCELLED || order.getStatus() == OrderStatus.REJECTED;
    }
}
