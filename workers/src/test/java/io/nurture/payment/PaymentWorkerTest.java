package io.nurture.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.exception.BpmnError;
import io.nurture.notification.NotificationService;
import io.nurture.orchestration.ProcessMessages;
import io.nurture.order.Order;
import io.nurture.order.OrderService;
import io.nurture.order.OrderStatus;
import io.nurture.order.PaymentMethod;
import io.nurture.order.ShippingAddress;
import io.nurture.processes.OrderFulfillment;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The charge-card worker over the real payment service and the sandbox provider; the database,
 * order and mail ports are fakes that record what the step asked of them.
 */
class PaymentWorkerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

    private final PaymentRepository payments = mock(PaymentRepository.class);
    private final OrderService orders = mock(OrderService.class);
    private final NotificationService notifications = mock(NotificationService.class);
    private final ProcessMessages messages = mock(ProcessMessages.class);
    private final SandboxPaymentGateway gateway =
            new SandboxPaymentGateway(new SandboxPaymentGateway.SandboxProperties(Duration.ofMillis(10)));
    private final PaymentWorker worker =
            new PaymentWorker(new PaymentService(payments, gateway, orders, notifications, messages, CLOCK));

    @Test
    void approvedCardIsChargedTheOrderTotalOnceAndTheOrderIsPaidAndConfirmed() {
        Order order = cardOrder("tok_visa");

        worker.chargeCard(order.getId());

        ArgumentCaptor<Payment> charged = ArgumentCaptor.forClass(Payment.class);
        verify(payments).save(charged.capture());
        assertThat(charged.getValue().getKind()).isEqualTo(PaymentKind.CHARGE);
        assertThat(charged.getValue().getStatus()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(charged.getValue().getAmount()).isEqualByComparingTo("25.00");
        assertThat(charged.getValue().getProviderReference()).isNotBlank();
        verify(orders).move(eq(order), eq(OrderStatus.PAID), anyString());
        verify(notifications).tellCustomer(eq(order), eq("order-confirmed"), anyMap());
    }

    @Test
    void declinedCardBecomesThePaymentDeclinedBpmnErrorAndNothingIsConfirmed() {
        Order order = cardOrder("tok_declined");

        assertThatThrownBy(() -> worker.chargeCard(order.getId()))
                .isInstanceOfSatisfying(BpmnError.class,
                        error -> assertThat(error.getErrorCode()).isEqualTo(OrderFulfillment.Error.PAYMENT_DECLINED));
        ArgumentCaptor<Payment> declined = ArgumentCaptor.forClass(Payment.class);
        verify(payments).save(declined.capture());
        assertThat(declined.getValue().getStatus()).isEqualTo(PaymentStatus.DECLINED);
        verify(orders, never()).move(any(Order.class), any(), anyString());
        verify(notifications, never()).tellCustomer(any(), anyString(), anyMap());
    }

    @Test
    void redeliveredChargeJobChargesNoSecondTime() {
        Order order = cardOrder("tok_visa");
        Payment earlier = new Payment(order.getId(), PaymentKind.CHARGE, PaymentStatus.CAPTURED, order.getTotal(),
                "EUR", "sbx_ch_1", null, CLOCK.instant());
        when(payments.findByOrderIdAndKind(order.getId(), PaymentKind.CHARGE)).thenReturn(Optional.of(earlier));

        worker.chargeCard(order.getId());

        verify(payments, never()).save(any());
        verify(notifications, never()).tellCustomer(any(), anyString(), anyMap());
    }

    @Test
    void anInvoiceOrderACouponPaysInFullIsPaidAtOnceWithoutAnInvoice() {
        Order order = new Order("customer-1", PaymentMethod.INVOICE, null,
                new ShippingAddress("1 Main St", "Berlin", "10115", "DE"), "DE", "EUR", CLOCK.instant());
        order.addLine("TEA-ROOIBOS-100", 1, new BigDecimal("9.80"));
        order.redeem("SR-ABCDEFGHIJ", new BigDecimal("10.00"));
        when(orders.lockToProceed(order.getId())).thenReturn(order);
        when(payments.findByOrderIdAndKind(order.getId(), PaymentKind.INVOICE)).thenReturn(Optional.empty());

        worker.sendInvoice(order.getId());

        ArgumentCaptor<Payment> booked = ArgumentCaptor.forClass(Payment.class);
        verify(payments).save(booked.capture());
        assertThat(booked.getValue().getKind()).isEqualTo(PaymentKind.INVOICE);
        assertThat(booked.getValue().getAmount()).isEqualByComparingTo("0");
        verify(messages).invoicePaid(eq(order.getId()), anyMap());
        verify(notifications, never()).tellCustomer(any(), eq("invoice-issued"), anyMap());
    }

    private Order cardOrder(String token) {
        Order order = new Order("customer-1", PaymentMethod.CARD, token,
                new ShippingAddress("1 Main St", "Berlin", "10115", "DE"), "DE", "EUR", CLOCK.instant());
        order.addLine("TEA-SENCHA-100", 2, new BigDecimal("12.50"));
        when(orders.lockToProceed(order.getId())).thenReturn(order);
        when(payments.findByOrderIdAndKind(order.getId(), PaymentKind.CHARGE)).thenReturn(Optional.empty());
        return order;
    }
}
