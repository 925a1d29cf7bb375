package io.nurture.payment;

import io.nurture.orchestration.ProcessMessages;
import io.nurture.order.Order;
import io.nurture.order.OrderService;
import io.nurture.order.OrderStateConflictException;
import io.nurture.order.OrderStatus;
import io.nurture.order.PaymentMethod;
import io.nurture.processes.OrderFulfillment.Variable;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A bank transfer for an invoice, as the shop's bank reports it: booked under the order's row lock,
 * then handed to the process as a message sent once the transaction committed.
 */
@Service
public class InvoicePayments {

    private final OrderService orders;
    private final PaymentService payments;
    private final ProcessMessages messages;

    InvoicePayments(OrderService orders, PaymentService payments, ProcessMessages messages) {
        this.orders = orders;
        this.payments = payments;
        this.messages = messages;
    }

    /**
     * Too late includes a cancellation already requested: the process is leaving the wait for
     * payment, so a payment message would find nobody to take it and the money would be lost.
     */
    @Transactional
    public InvoicePaymentOutcome receive(String orderId, BigDecimal amount, String reference) {
        Order order = orders.lock(orderId);
        Optional<Payment> received = payments.invoicePayment(orderId);
        if (received.isPresent()) {
            return repeated(order, received.get(), reference);
        }
        if (order.getPaymentMethod() == PaymentMethod.INVOICE && (hasEnded(order) || order.isCancellationRequested())) {
            payments.oweBackLatePayment(orderId, amount, reference);
            return InvoicePaymentOutcome.OWED_BACK;
        }
        if (order.getStatus() != OrderStatus.AWAITING_PAYMENT) {
            throw new OrderStateConflictException(
                    "Order " + orderId + " is " + order.getStatus() + ", not awaiting an invoice payment");
        }
        if (amount.compareTo(order.getTotal()) != 0) {
            throw new InvoiceAmountMismatchException(order.getTotal());
        }
        payments.receiveInvoicePayment(order, amount, reference);
        messages.invoicePaid(orderId, Map.of(Variable.PAYMENT_AMOUNT, amount, Variable.PAYMENT_REFERENCE, reference));
        return InvoicePaymentOutcome.SETTLED;
    }

    /** The bank resending a payment gets the first answer again; a second, different payment is refused. */
    private static InvoicePaymentOutcome repeated(Order order, Payment received, String reference) {
        if (!received.getReference().equals(reference)) {
            throw new OrderStateConflictException("Order " + order.getId() + "'s invoice was already paid (reference "
                    + received.getReference() + ")");
        }
        return hasEnded(order) ? InvoicePaymentOutcome.OWED_BACK : InvoicePaymentOutcome.SETTLED;
    }

    private static boolean hasEnded(Order order) {
        return order.getStatus() == OrderStatus.CANCELLED || order.getStatus() == OrderStatus.REJECTED;
    }
}
