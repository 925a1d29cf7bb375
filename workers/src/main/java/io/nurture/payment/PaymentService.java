package io.nurture.payment;

import io.nurture.notification.NotificationService;
import io.nurture.orchestration.ProcessMessages;
import io.nurture.order.Order;
import io.nurture.order.OrderService;
import io.nurture.order.OrderStatus;
import io.nurture.order.PaymentMethod;
import io.nurture.processes.OrderFulfillment.Variable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Charges, invoices and refunds, each at most once per order. */
@Service
public class PaymentService {

    private static final Duration INVOICE_TERM = Duration.ofDays(14);
    static final String COVERED_BY_COUPON = "COVERED-BY-COUPON";

    private final PaymentRepository payments;
    private final PaymentGateway gateway;
    private final OrderService orders;
    private final NotificationService notifications;
    private final ProcessMessages messages;
    private final Clock clock;

    PaymentService(PaymentRepository payments, PaymentGateway gateway, OrderService orders,
            NotificationService notifications, ProcessMessages messages, Clock clock) {
        this.payments = payments;
        this.gateway = gateway;
        this.orders = orders;
        this.notifications = notifications;
        this.messages = messages;
        this.clock = clock;
    }

    /** Charges the order's card; false when the card is declined. An order being cancelled is not charged. */
    @Transactional
    public boolean chargeCard(String orderId) {
        Order order = orders.lockToProceed(orderId);
        Optional<Payment> earlier = payments.findByOrderIdAndKind(orderId, PaymentKind.CHARGE);
        if (earlier.isPresent()) {
            return earlier.get().isCaptured();
        }
        PaymentGateway.ChargeResult result = gateway.charge(order.getCardToken(), order.getTotal(), order.getCurrency(),
                "charge-" + orderId);
        payments.save(new Payment(orderId, PaymentKind.CHARGE,
                result.approved() ? PaymentStatus.CAPTURED : PaymentStatus.DECLINED,
                order.getTotal(), order.getCurrency(), result.providerReference(), result.declineReason(),
                clock.instant()));
        if (result.approved()) {
            orders.move(order, OrderStatus.PAID, "Card charged");
            notifications.tellCustomer(order, "order-confirmed", Map.of());
        }
        return result.approved();
    }

    /**
     * Sends the invoice. An order a coupon paid in full has nothing to invoice, and a payment of
     * 0.00 could never arrive: it is booked as paid at once, and the process hears so as of a payment.
     */
    @Transactional
    public void issueInvoice(String orderId) {
        Order locked = orders.lockToProceed(orderId);
        if (locked.getTotal().signum() == 0) {
            settleCoveredOrder(locked);
            return;
        }
        Order order = orders.move(locked, OrderStatus.AWAITING_PAYMENT, "Invoice sent, payable within 14 days");
        LocalDate due = clock.instant().plus(INVOICE_TERM).atZone(ZoneOffset.UTC).toLocalDate();
        notifications.tellCustomer(order, "invoice-issued", Map.of("dueDate", due.toString()));
    }

    private void settleCoveredOrder(Order order) {
        if (invoicePayment(order.getId()).isPresent()) {
            return;
        }
        orders.move(order, OrderStatus.AWAITING_PAYMENT, "Nothing to pay: a coupon covers the order");
        receiveInvoicePayment(order, BigDecimal.ZERO, COVERED_BY_COUPON);
        messages.invoicePaid(order.getId(), Map.of(Variable.PAYMENT_AMOUNT, BigDecimal.ZERO, Variable.PAYMENT_REFERENCE,
                COVERED_BY_COUPON));
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
     * cancellation that overtakes the payment message then still finds the money to refund.
     */
    @Transactional
    public void receiveInvoicePayment(Order lockedOrder, BigDecimal amount, String reference) {
        payments.save(new Payment(lockedOrder.getId(), PaymentKind.INVOICE, PaymentStatus.CAPTURED, amount,
                lockedOrder.getCurrency(), null, reference, clock.instant()));
    }

    @Transactional
    public void recordInvoicePayment(String orderId, BigDecimal amount, String reference) {
        Order order = orders.lockToProceed(orderId);
        if (payments.findByOrderIdAndKind(orderId, PaymentKind.INVOICE).isEmpty()) {
            payments.save(new Payment(orderId, PaymentKind.INVOICE, PaymentStatus.CAPTURED, amount, order.getCurrency(),
                    null, reference, clock.instant()));
        }
        orders.move(order, OrderStatus.PAID, "Invoice paid (" + reference + ")");
        notifications.tellCustomer(order, "payment-received", Map.of());
    }

    /**
     * Money that arrives for an invoice after the order ended is not lost: it is recorded and
     * refunded in full, and ops are told so the refund is paid out.
     */
    @Transactional
    public void refundLatePayment(String orderId, BigDecimal amount, String reference) {
        Order order = orders.lock(orderId);
        if (payments.findByOrderIdAndKind(orderId, PaymentKind.INVOICE).isPresent()) {
            return;
        }
        Payment late = payments.save(new Payment(orderId, PaymentKind.INVOICE, PaymentStatus.CAPTURED, amount,
                order.getCurrency(), null, reference, clock.instant()));
        payments.save(new Payment(orderId, PaymentKind.REFUND, PaymentStatus.REFUNDED, amount, order.getCurrency(), null,
                "refund of " + late.getId(), clock.instant()));
        order.note("Payment " + reference + " arrived after the order was " + order.getStatus() + "; refunded",
                clock.instant());
        notifications.alertOps(order, "late-payment-refund", Map.of("amount", amount.toPlainString(),
                "reference", reference));
    }

    /** Gives back whatever was captured for the order; nothing captured, nothing to do. */
    @Transactional
    public void refund(String orderId) {
        Order order = orders.lock(orderId);
        if (payments.findByOrderIdAndKind(orderId, PaymentKind.REFUND).isPresent()) {
            return;
        }
        PaymentKind capturedKind = order.getPaymentMethod() == PaymentMethod.CARD ? PaymentKind.CHARGE : PaymentKind.INVOICE;
        payments.findByOrderIdAndKind(orderId, capturedKind).filter(Payment::isCaptured).ifPresent(captured -> {
            String providerReference = capturedKind == PaymentKind.CHARGE
                    ? gateway.refund(captured.getProviderReference(), captured.getAmount(), "refund-" + orderId)
                    : null;
            payments.save(new Payment(orderId, PaymentKind.REFUND, PaymentStatus.REFUNDED, captured.getAmount(),
                    order.getCurrency(), providerReference, "refund of " + captured.getId(), clock.instant()));
        });
    }

    /** CAPTURED, DECLINED or REFUNDED once money moved for the order; PENDING before. */
    @Transactional(readOnly = true)
    public String paymentStatus(String orderId) {
        Map<PaymentKind, Payment> byKind = payments.findByOrderId(orderId).stream()
                .collect(Collectors.toMap(Payment::getKind, p -> p));
        return Stream.of(PaymentKind.REFUND, PaymentKind.CHARGE, PaymentKind.INVOICE)
                .filter(byKind::containsKey)
                .findFirst()
                .map(kind -> byKind.get(kind).getStatus().name())
                .orElse("PENDING");
    }
}
