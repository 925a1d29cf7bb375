package io.nurture.payment;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.nurture.notification.NotificationService;
import io.nurture.order.Order;
import io.nurture.order.OrderService;
import io.nurture.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The nightly reconciliation's mails to ops: one per order that breaks the money invariant, a
 * limited number a night, and never the same order's violation filling the limit night after night
 * while others go unmentioned.
 */
class ScheduledReconciliationTest {

    private static final Instant NOW = Instant.parse("2026-12-06T03:30:00Z");

    private final Reconciliation reconciliation = mock(Reconciliation.class);
    private final OrderService orders = mock(OrderService.class);
    private final NotificationService notifications = mock(NotificationService.class);
    private final ScheduledReconciliation nightly = new ScheduledReconciliation(
            reconciliation, orders, notifications, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(90));

    private final Map<String, Order> known = new HashMap<>();

    @BeforeEach
    void ordersAreFound() {
        when(orders.get(any())).thenAnswer(call -> known.computeIfAbsent(call.getArgument(0), id -> order(id)));
    }

    @Test
    void ordersMailedAboutOnAnEarlierNightDoNotKeepTheOthersFromBeingMailed() {
        List<String> violating = orderIds(30);
        Set<String> mailedBefore = Set.copyOf(violating.subList(0, 20));
        violationsOf(violating);
        when(notifications.alertOps(any(), eq("reconciliation-violation"), anyMap()))
                .thenAnswer(call ->
                        !mailedBefore.contains(call.<Order>getArgument(0).getId()));

        nightly.reconcile();

        verify(notifications, times(30)).alertOps(any(), eq("reconciliation-violation"), anyMap());
    }

    @Test
    void atMostTwentyNewViolationsAreMailedInOneNight() {
        List<String> violating = orderIds(25);
        violationsOf(violating);
        when(notifications.alertOps(any(), eq("reconciliation-violation"), anyMap()))
                .thenReturn(true);

        nightly.reconcile();

        verify(notifications, times(20)).alertOps(any(), eq("reconciliation-violation"), anyMap());
        verify(orders, never()).get(violating.get(20));
    }

    private void violationsOf(List<String> orderIds) {
        List<Reconciliation.Finding> findings = orderIds.stream()
                .map(id -> new Reconciliation.Finding(
                        id,
                        OrderStatus.CANCELLED,
                        BigDecimal.ZERO,
                        new BigDecimal("19.90"),
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        "kept money a cancelled order does not owe"))
                .toList();
        when(reconciliation.run(any()))
                .thenReturn(new Reconciliation.Report(
                        NOW, NOW.minus(Duration.ofDays(90)), 100, findings, 0, BigDecimal.ZERO));
    }

    private static List<String> orderIds(int count) {
        return IntStream.range(0, count).mapToObj(i -> "order-" + i).toList();
    }

    private static Order order(String id) {
        Order order = mock(Order.class);
        when(order.getId()).thenReturn(id);
        return order;
    }
}
