package io.nurture.order;

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

import io.nurture.notification.NotificationProperties;
import io.nurture.notification.NotificationService;
import io.nurture.processes.OrderFulfillment.CancelReason;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

/** Order status changes over a fake repository and mail port, without Spring. */
class OrderServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

    private final OrderRepository orders = mock(OrderRepository.class);
    private final NotificationService notifications = mock(NotificationService.class);
    private final Map<String, MoneyBack> moneyBack = new HashMap<>();
    private final List<Object> published = new ArrayList<>();
    private final OrderService service = new OrderService(
            orders,
            mock(NewOrderRows.class),
            notifications,
            orderId -> moneyBack.getOrDefault(orderId, MoneyBack.nothingTaken()),
            published::add,
            new NotificationProperties("orders@shop.example", "ops@shop.example", "https://shop.example"),
            mock(PlatformTransactionManager.class),
            CLOCK);

    @Test
    void preparationStepIsRefusedForAnOrderWhoseCancellationWasRequested() {
        Order order = stored(cardOrder());
        order.requestCancellation(CLOCK.instant());

        assertThatThrownBy(() -> service.lockToProceed(order.getId()))
                .isInstanceOf(CancellationRequestedException.class)
                .hasMessageContaining(order.getId());
    }

    @Test
    void preparationStepProceedsForAnOrderTheCustomerStillWants() {
        Order order = stored(cardOrder());

        assertThat(service.lockToProceed(order.getId())).isSameAs(order);
    }

    @Test
    void cancellationAtTheCustomersRequestIsExplainedInTheTimelineAndTheMail() {
        Order order = stored(cardOrder());

        service.cancel(order.getId(), CancelReason.CUSTOMER_REQUEST);

        assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.getTimeline())
                .last()
                .extracting(TimelineEntry::getNote)
                .isEqualTo("Cancelled at the customer's request");
        verify(notifications)
                .tellCustomer(
                        eq(order),
                        eq("order-cancelled"),
                        eq(Map.of(
                                "reason",
                                "Cancelled at the customer's request",
                                "currency",
                                "EUR",
                                "nothingTaken",
                                "0")));
        assertThat(published).containsExactly(new OrderEnded(order.getId(), OrderStatus.CANCELLED));
    }

    @Test
    void cancellationMailOfAnOrderPaidByTransferSaysTheMoneyIsOwedBackNotRefunded() {
        Order order = stored(cardOrder());
        moneyBack.put(order.getId(), new MoneyBack(MoneyBack.Way.TRANSFER_OWED, new BigDecimal("49.00")));

        service.cancel(order.getId(), CancelReason.INVOICE_UNPAID);

        verify(notifications)
                .tellCustomer(
                        eq(order),
                        eq("order-cancelled"),
                        eq(Map.of(
                                "reason",
                                "Cancelled: the invoice was not paid by its due date",
                                "currency",
                                "EUR",
                                "transferOwed",
                                "49.00")));
    }

    @Test
    void aRejectedOrderGivesBackWhatOtherCapabilitiesHeldForIt() {
        Order order = stored(cardOrder());

        service.reject(order.getId());

        assertThat(published).containsExactly(new OrderEnded(order.getId(), OrderStatus.REJECTED));
    }

    @Test
    void unknownOrderIsReportedAsSuchAndNobodyIsMailed() {
        when(orders.findForUpdate("no-such-order")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> service.cancel("no-such-order", CancelReason.CUSTOMER_REQUEST))
                .isInstanceOf(UnknownOrderException.class);
        verify(notifications, never()).tellCustomer(any(), anyString(), anyMap());
    }

    private Order stored(Order order) {
        when(orders.findForUpdate(order.getId())).thenReturn(Optional.of(order));
        return order;
    }

    private static Order cardOrder() {
        Order order = new Order(
                "customer-1",
                PaymentMethod.CARD,
                "tok_visa",
                new ShippingAddress("1 Main St", "Berlin", "10115", "DE"),
                "DE",
                "EUR",
                CLOCK.instant());
        order.addLine("TEA-SENCHA-100", 1, new BigDecimal("12.50"));
        return order;
    }
}
