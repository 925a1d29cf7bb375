package io.nurture.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.exception.BpmnError;
import io.nurture.notification.NotificationService;
import io.nurture.orchestration.ProcessMessages;
import io.nurture.order.CancellationRequestedException;
import io.nurture.order.LockedOrders;
import io.nurture.order.Order;
import io.nurture.order.OrderRows;
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
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The payment steps over the real payment service, its ledger logic and the sandbox provider with
 * its own books; the database, order and mail ports are fakes that keep or record what the steps
 * asked of them. Transactions are Spring's and absent here: the ledger's rows live in a map.
 */
class PaymentWorkerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

    private final Map<PaymentKind, Payment> ledgerRows = new EnumMap<>(PaymentKind.class);
    private final PaymentRepository payments = mock(PaymentRepository.class);
    private final ChargeRows charges = mock(ChargeRows.class);
    private final OrderService orders = mock(OrderService.class);
    private final OrderRows orderRows = mock(OrderRows.class);
    private final NotificationService notifications = mock(NotificationService.class);
    private final ProcessMessages messages = mock(ProcessMessages.class);
    private final InMemorySandboxBooks providerBooks = new InMemorySandboxBooks();
    private final SandboxPaymentGateway provider = new SandboxPaymentGateway(
            new SandboxPaymentGateway.SandboxProperties(Duration.ofMillis(10)), providerBooks);
    private PaymentGateway gateway = provider;
    private final PaymentLedger ledger =
            new PaymentLedger(payments, charges, orders, orderRows, notifications, messages, CLOCK);

    @BeforeEach
    void ledgerRowsLiveInAMap() {
        doAnswer(call -> {
                    ((Order) call.getArgument(0)).startCancellation(CLOCK.instant());
                    return null;
                })
                .when(orders)
                .startCancellation(any());
        doAnswer(call -> {
                    ((Order) call.getArgument(0)).note(call.getArgument(1), CLOCK.instant());
                    return null;
                })
                .when(orders)
                .note(any(), anyString());
        when(payments.save(any())).thenAnswer(call -> {
            Payment payment = call.getArgument(0);
            ledgerRows.put(payment.getKind(), payment);
            return payment;
        });
        when(payments.findByOrderIdAndKind(anyString(), any()))
                .thenAnswer(call -> Optional.ofNullable(ledgerRows.get(call.getArgument(1))));
        when(charges.find(anyString()))
                .thenAnswer(call ->
                        Optional.ofNullable(ledgerRows.get(PaymentKind.CHARGE)).map(PaymentWorkerTest::row));
        when(charges.writeIntent(anyString(), any(), anyString(), anyString(), any()))
                .thenAnswer(call -> {
                    Payment intent = Payment.intent(
                            call.getArgument(0),
                            PaymentKind.CHARGE,
                            call.getArgument(1),
                            call.getArgument(2),
                            call.getArgument(3),
                            null,
                            call.getArgument(4));
                    ledgerRows.put(PaymentKind.CHARGE, intent);
                    return row(intent);
                });
        when(charges.answer(any(), any(), any(), any(), any())).thenAnswer(call -> {
            Payment charge = ledgerRows.get(PaymentKind.CHARGE);
            charge.complete(call.getArgument(1), call.getArgument(2), call.getArgument(4));
            return row(charge);
        });
        when(payments.findForUpdate(anyString()))
                .thenAnswer(call -> ledgerRows.values().stream()
                        .filter(payment -> payment.getId().equals(call.getArgument(0)))
                        .findFirst());
    }

    /** The charge step's view of a row of the map, as {@link ChargeRows} reads it from the table. */
    private static ChargeRows.Charge row(Payment payment) {
        return new ChargeRows.Charge(
                payment.getOrderId(),
                payment.getStatus(),
                payment.getAmount(),
                payment.getCurrency(),
                payment.getIdempotencyKey());
    }

    private PaymentWorker worker() {
        return new PaymentWorker(new PaymentService(ledger, payments, gateway, orders, notifications, CLOCK));
    }

    @Test
    void approvedCardIsChargedTheOrderTotalOnceAndTheOrderIsPaidAndConfirmed() {
        Order order = cardOrder("tok_visa");

        worker().chargeCard(order.getId());

        Payment charge = ledgerRows.get(PaymentKind.CHARGE);
        assertThat(charge.getStatus()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(charge.getAmount()).isEqualByComparingTo("25.00");
        assertThat(charge.getProviderReference()).isNotBlank();
        assertThat(provider.lookUp("charge-" + order.getId()))
                .hasValueSatisfying(m -> assertThat(m.approved()).isTrue());
        verify(orderRows).paid(argThat(row -> row.id().equals(order.getId())), anyString());
        verify(notifications).tellCustomer(eq(order), eq("order-confirmed"), anyMap());
    }

    @Test
    void theChargeIsWrittenDownBeforeTheProviderIsCalled() {
        Order order = cardOrder("tok_visa");
        gateway = new ProviderWatching(
                provider,
                () -> assertThat(ledgerRows.get(PaymentKind.CHARGE))
                        .as("the intent, before the call")
                        .satisfies(intent -> {
                            assertThat(intent.getStatus()).isEqualTo(PaymentStatus.PENDING);
                            assertThat(intent.getIdempotencyKey()).isEqualTo("charge-" + order.getId());
                        }));

        worker().chargeCard(order.getId());

        assertThat(ledgerRows.get(PaymentKind.CHARGE).getStatus()).isEqualTo(PaymentStatus.CAPTURED);
    }

    @Test
    void declinedCardBecomesThePaymentDeclinedBpmnErrorAndNothingIsConfirmed() {
        Order order = cardOrder("tok_declined");

        assertThatThrownBy(() -> worker().chargeCard(order.getId()))
                .isInstanceOfSatisfying(
                        BpmnError.class,
                        error -> assertThat(error.getErrorCode()).isEqualTo(OrderFulfillment.Error.PAYMENT_DECLINED));
        assertThat(ledgerRows.get(PaymentKind.CHARGE).getStatus()).isEqualTo(PaymentStatus.DECLINED);
        verify(orderRows, never()).paid(any(), anyString());
        verify(notifications, never()).tellCustomer(any(), anyString(), anyMap());
    }

    @Test
    void redeliveredChargeJobChargesNoSecondTime() {
        Order order = cardOrder("tok_visa");
        AtomicInteger providerCalls = new AtomicInteger();
        gateway = new ProviderWatching(provider, providerCalls::incrementAndGet);
        worker().chargeCard(order.getId());

        worker().chargeCard(order.getId());

        verify(charges, times(1)).writeIntent(anyString(), any(), anyString(), anyString(), any());
        assertThat(providerCalls).hasValue(1);
        verify(notifications, times(1)).tellCustomer(any(), anyString(), anyMap());
    }

    @Test
    void aRetriedChargeWhoseFirstAnswerWasLostIsAnsweredByTheProviderWithTheFirstOutcome() {
        Order order = cardOrder("tok_visa");
        PaymentGateway.ChargeResult lostAnswer =
                provider.charge("tok_visa", order.getTotal(), "EUR", "charge-" + order.getId());
        ledgerRows.put(
                PaymentKind.CHARGE,
                Payment.intent(
                        order.getId(),
                        PaymentKind.CHARGE,
                        order.getTotal(),
                        "EUR",
                        "charge-" + order.getId(),
                        null,
                        CLOCK.instant()));

        worker().chargeCard(order.getId());

        assertThat(ledgerRows.get(PaymentKind.CHARGE).getProviderReference()).isEqualTo(lostAnswer.providerReference());
    }

    @Test
    void aCardOrderACouponPaysInFullIsPaidWithoutAskingTheProvider() {
        Order order = cardOrder("tok_visa");
        order.redeem("SR-ABCDEFGHIJ", new BigDecimal("30.00"));

        worker().chargeCard(order.getId());

        assertThat(ledgerRows.get(PaymentKind.CHARGE)).satisfies(charge -> {
            assertThat(charge.getStatus()).isEqualTo(PaymentStatus.CAPTURED);
            assertThat(charge.getAmount()).isEqualByComparingTo("0");
        });
        assertThat(provider.lookUp("charge-" + order.getId()))
                .as("never sent to the provider for 0.00")
                .isEmpty();
        verify(orderRows).paid(argThat(row -> row.id().equals(order.getId())), anyString());
        verify(notifications).tellCustomer(eq(order), eq("order-confirmed"), eq(Map.of("nothingToPay", true)));
    }

    @Test
    void aChargeTheProviderTookWhoseAnswerWasNeverBookedIsFoundAndRefundedOnCancellation() {
        Order order = cardOrder("tok_visa");
        ledgerRows.put(
                PaymentKind.CHARGE,
                Payment.intent(
                        order.getId(),
                        PaymentKind.CHARGE,
                        order.getTotal(),
                        "EUR",
                        "charge-" + order.getId(),
                        null,
                        CLOCK.instant()));
        provider.charge("tok_visa", order.getTotal(), "EUR", "charge-" + order.getId());

        worker().refundPayment(order.getId());

        assertThat(ledgerRows.get(PaymentKind.CHARGE).getStatus()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(ledgerRows.get(PaymentKind.REFUND).getStatus()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(provider.lookUp("refund-" + order.getId()))
                .hasValueSatisfying(m -> assertThat(m.amount()).isEqualByComparingTo("25.00"));
    }

    @Test
    void aChargeTheProviderNeverTookIsVoidAndNothingIsRefunded() {
        Order order = cardOrder("tok_visa");
        ledgerRows.put(
                PaymentKind.CHARGE,
                Payment.intent(
                        order.getId(),
                        PaymentKind.CHARGE,
                        order.getTotal(),
                        "EUR",
                        "charge-" + order.getId(),
                        null,
                        CLOCK.instant()));

        worker().refundPayment(order.getId());

        assertThat(ledgerRows.get(PaymentKind.CHARGE).getStatus()).isEqualTo(PaymentStatus.VOID);
        assertThat(ledgerRows).doesNotContainKey(PaymentKind.REFUND);
        assertThat(provider.lookUp("refund-" + order.getId())).isEmpty();
    }

    @Test
    void aChargeTheProviderApprovesAfterTheCancellationStartedIsRefundedAtOnceAndTheStepStops() {
        Order order = cardOrder("tok_visa");
        gateway = new ProviderWatching(provider, () -> order.startCancellation(CLOCK.instant()));

        assertThatThrownBy(() -> worker().chargeCard(order.getId())).isInstanceOf(CancellationRequestedException.class);

        assertThat(ledgerRows.get(PaymentKind.CHARGE).getStatus()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(ledgerRows.get(PaymentKind.REFUND).getStatus()).isEqualTo(PaymentStatus.REFUNDED);
        verify(orderRows, never()).paid(any(), anyString());
    }

    @Test
    void aRefundRepeatedAfterACrashRefundsOnceAtTheProvider() {
        Order order = cardOrder("tok_visa");
        worker().chargeCard(order.getId());
        worker().refundPayment(order.getId());
        String refunded = ledgerRows.get(PaymentKind.REFUND).getProviderReference();

        worker().refundPayment(order.getId());

        assertThat(ledgerRows.get(PaymentKind.REFUND).getProviderReference()).isEqualTo(refunded);
        assertThat(provider.lookUp("refund-" + order.getId()))
                .hasValueSatisfying(m -> assertThat(m.providerReference()).isEqualTo(refunded));
    }

    @Test
    void aPaidInvoiceIsOwedBackOnCancellationNotMarkedRefundedAndOpsAreTold() {
        Order order = invoiceOrder();
        ledger.receiveInvoicePayment(order, new BigDecimal("9.80"), "BANK-1");

        worker().refundPayment(order.getId());

        assertThat(ledgerRows.get(PaymentKind.REFUND)).satisfies(refund -> {
            assertThat(refund.getStatus()).isEqualTo(PaymentStatus.OWED);
            assertThat(refund.getAmount()).isEqualByComparingTo("9.80");
        });
        verify(notifications).alertOps(eq(order), eq("refund-owed"), anyMap());
    }

    @Test
    void theFirstStepOfAnyCancellationMarksTheOrderSoALatePaymentIsOwedBack() {
        Order order = invoiceOrder();

        worker().refundPayment(order.getId());

        assertThat(order.isCancellationRequested()).isTrue();
        assertThat(ledgerRows).doesNotContainKey(PaymentKind.REFUND);
    }

    @Test
    void anOwedRefundIsSettledOnceWithTheBankReferenceAndTheCustomerIsTold() {
        Order order = invoiceOrder();
        ledger.receiveInvoicePayment(order, new BigDecimal("9.80"), "BANK-1");
        worker().refundPayment(order.getId());
        PaymentService service = new PaymentService(ledger, payments, gateway, orders, notifications, CLOCK);
        String refundId = ledgerRows.get(PaymentKind.REFUND).getId();

        service.settleRefund(refundId, "TRANSFER-7", "staff");
        service.settleRefund(refundId, "TRANSFER-7", "staff");

        assertThat(ledgerRows.get(PaymentKind.REFUND)).satisfies(refund -> {
            assertThat(refund.getStatus()).isEqualTo(PaymentStatus.REFUNDED);
            assertThat(refund.getProviderReference()).isEqualTo("TRANSFER-7");
            assertThat(refund.getSettledBy()).isEqualTo("staff");
        });
        verify(notifications, times(1)).tellCustomer(eq(order), eq("refund-paid"), anyMap());
        assertThatThrownBy(() -> service.settleRefund(refundId, "TRANSFER-8", "other-staff"))
                .isInstanceOf(RefundNotOwedException.class)
                .hasMessageContaining("settled by staff with reference TRANSFER-7");
    }

    @Test
    void anInvoiceOrderACouponPaysInFullIsPaidAtOnceWithoutAnInvoice() {
        Order order = new Order(
                "customer-1",
                PaymentMethod.INVOICE,
                null,
                new ShippingAddress("1 Main St", "Berlin", "10115", "DE"),
                "DE",
                "EUR",
                CLOCK.instant());
        order.addLine("TEA-ROOIBOS-100", 1, new BigDecimal("9.80"));
        order.redeem("SR-ABCDEFGHIJ", new BigDecimal("10.00"));
        when(orders.lockToProceed(order.getId())).thenReturn(order);

        worker().sendInvoice(order.getId());

        assertThat(ledgerRows.get(PaymentKind.INVOICE).getAmount()).isEqualByComparingTo("0");
        verify(messages).invoicePaid(eq(order.getId()), anyMap());
        verify(notifications, never()).tellCustomer(any(), eq("invoice-issued"), anyMap());
    }

    private Order cardOrder(String token) {
        Order order = new Order(
                "customer-1",
                PaymentMethod.CARD,
                token,
                new ShippingAddress("1 Main St", "Berlin", "10115", "DE"),
                "DE",
                "EUR",
                CLOCK.instant());
        order.addLine("TEA-SENCHA-100", 2, new BigDecimal("12.50"));
        return stored(order);
    }

    private Order invoiceOrder() {
        Order order = new Order(
                "customer-1",
                PaymentMethod.INVOICE,
                null,
                new ShippingAddress("1 Main St", "Berlin", "10115", "DE"),
                "DE",
                "EUR",
                CLOCK.instant());
        order.addLine("TEA-ROOIBOS-100", 1, new BigDecimal("9.80"));
        return stored(order);
    }

    private Order stored(Order order) {
        when(orders.lockToProceed(order.getId())).thenAnswer(call -> {
            if (order.isCancellationRequested()) {
                throw new CancellationRequestedException(order.getId());
            }
            return order;
        });
        when(orders.lock(order.getId())).thenReturn(order);
        when(orders.get(order.getId())).thenReturn(order);
        when(orderRows.lockToProceed(order.getId())).thenAnswer(call -> {
            if (order.isCancellationRequested()) {
                throw new CancellationRequestedException(order.getId());
            }
            return LockedOrders.of(order);
        });
        when(orderRows.lock(order.getId())).thenAnswer(call -> LockedOrders.of(order));
        when(orderRows.paid(any(), anyString())).thenAnswer(call -> {
            order.moveTo(OrderStatus.PAID, call.getArgument(1), CLOCK.instant());
            return order;
        });
        return order;
    }

    /** The provider, with something happening in Nurture while it charges. */
    private record ProviderWatching(PaymentGateway provider, Runnable whileCharging) implements PaymentGateway {

        @Override
        public ChargeResult charge(String cardToken, BigDecimal amount, String currency, String idempotencyKey) {
            whileCharging.run();
            return provider.charge(cardToken, amount, currency, idempotencyKey);
        }

        @Override
        public String refund(String chargeReference, BigDecimal amount, String currency, String idempotencyKey) {
            return provider.refund(chargeReference, amount, currency, idempotencyKey);
        }

        @Override
        public Optional<Movement> lookUp(String idempotencyKey) {
            return provider.lookUp(idempotencyKey);
        }
    }
}
