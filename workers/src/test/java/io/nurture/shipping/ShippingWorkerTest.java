package io.nurture.shipping;

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

import io.nurture.inventory.InventoryService;
import io.nurture.notification.MailableOrder;
import io.nurture.notification.NotificationService;
import io.nurture.order.LockedOrders;
import io.nurture.order.Order;
import io.nurture.order.OrderEnded;
import io.nurture.order.OrderRows;
import io.nurture.order.OrderService;
import io.nurture.order.OrderStatus;
import io.nurture.order.PaymentMethod;
import io.nurture.order.ShippingAddress;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The ship-order worker over the real shipping service and the sandbox carrier; the database,
 * order, stock and mail ports are fakes that record what the step asked of them.
 */
class ShippingWorkerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

    private final ShipmentRepository shipments = mock(ShipmentRepository.class);
    private final ShipmentRows shipmentRows = mock(ShipmentRows.class);
    private final OrderService orders = mock(OrderService.class);
    private final OrderRows orderRows = mock(OrderRows.class);
    private final InventoryService inventory = mock(InventoryService.class);
    private final NotificationService notifications = mock(NotificationService.class);
    private final SandboxCarrier carrier = new SandboxCarrier(new InMemoryCarrierBooks());
    private final ShippingService shipping = new ShippingService(
            new ShipmentBook(shipments, shipmentRows, orders, orderRows, inventory, notifications, carrier, CLOCK),
            carrier,
            orders,
            notifications);
    private final ShippingWorker worker = new ShippingWorker(shipping);
    private final MailableOrder shippedMail = mock(MailableOrder.class);
    private Shipment stored;

    @Test
    void paidOrderIsBookedWithTheCarrierTakenFromStockAndTheCustomerTold() {
        Order order = paidOrder("10115");

        worker.shipOrder(order.getId());

        assertThat(stored.getTrackingNumber()).startsWith("SBX").hasSize(15);
        verify(inventory).ship(order.getId());
        verify(orderRows)
                .shipped(argThat(row -> row.id().equals(order.getId())), eq(stored.getTrackingNumber()), anyString());
        verify(notifications).tellCustomer(eq(shippedMail), eq("order-shipped"), anyMap());
    }

    @Test
    void redeliveredShippingJobBooksNoSecondParcelAndTellsNobodyAgain() {
        Order order = paidOrder("10115");
        worker.shipOrder(order.getId());
        String first = stored.getTrackingNumber();

        worker.shipOrder(order.getId());

        assertThat(stored.getTrackingNumber()).isEqualTo(first);
        verify(inventory, times(1)).ship(order.getId());
        verify(orderRows, times(1)).shipped(any(), anyString(), anyString());
        verify(notifications, times(1)).tellCustomer(eq(shippedMail), eq("order-shipped"), anyMap());
    }

    @Test
    void aStepThatDiedAfterTheCarrierBookedIsCompletedWithThatSameBooking() {
        Order order = paidOrder("10115");
        stored = new Shipment(order.getId(), carrier.name());
        String bookedBeforeTheCrash = carrier.bookShipment(stored.bookingKey(), order.getShippingAddress(), 1);

        worker.shipOrder(order.getId());

        verify(orderRows).shipped(any(), eq(bookedBeforeTheCrash), anyString());
        verify(shipmentRows, never()).writeIntent(anyString(), anyString());
    }

    @Test
    void carrierOutageFailsTheJobBeforeStockIsTakenOrAnyoneIsTold() {
        Order order = paidOrder(SandboxCarrier.OUTAGE_POSTAL_CODE);

        assertThatThrownBy(() -> worker.shipOrder(order.getId())).isInstanceOf(CarrierUnavailableException.class);

        assertThat(stored.isBookedButNotHandedOver())
                .as("the intent stays for the retry")
                .isTrue();
        verify(inventory, never()).ship(anyString());
        verify(notifications, never()).tellCustomer(any(), anyString(), anyMap());
    }

    @Test
    void anOrderCancelledAfterTheCarrierBookedGivesTheParcelBack() {
        Order order = paidOrder("10115");
        stored = new Shipment(order.getId(), carrier.name());
        carrier.bookShipment(stored.bookingKey(), order.getShippingAddress(), 1);

        shipping.cancelBookingOf(new OrderEnded(order.getId(), OrderStatus.CANCELLED));

        assertThat(carrier.holdsBooking(stored.bookingKey())).isFalse();
        assertThat(stored.isBookedButNotHandedOver()).isFalse();
    }

    @Test
    void anOrderCancelledAfterItsHandOverKeepsItsParcel() {
        Order order = paidOrder("10115");
        worker.shipOrder(order.getId());

        shipping.cancelBookingOf(new OrderEnded(order.getId(), OrderStatus.CANCELLED));

        assertThat(carrier.holdsBooking(stored.bookingKey())).isTrue();
    }

    @Test
    void aParcelTheCarrierRefusedToTakeBackIsGivenBackOnALaterTryAndOpsAreTold() {
        RefusingCarrier refusing = new RefusingCarrier(2);
        ShippingService shipping = new ShippingService(
                new ShipmentBook(shipments, shipmentRows, orders, orderRows, inventory, notifications, refusing, CLOCK),
                refusing,
                orders,
                notifications);
        Order order = bookedButNotHandedOver(paidOrder("10115"), refusing);
        order.moveTo(OrderStatus.CANCELLED, "Cancelled", CLOCK.instant());
        shipping.cancelBookingOf(new OrderEnded(order.getId(), OrderStatus.CANCELLED));

        int refusedAgain = shipping.giveBackParcelsOfEndedOrders();
        int left = shipping.giveBackParcelsOfEndedOrders();

        assertThat(refusedAgain).isEqualTo(1);
        assertThat(left).isZero();
        assertThat(refusing.holdsBooking(stored.bookingKey())).isFalse();
        assertThat(stored.isBookedButNotHandedOver()).isFalse();
        verify(notifications, times(2)).alertOps(eq(order), eq("carrier-booking-not-cancelled"), anyMap());
    }

    @Test
    void theParcelOfAnOrderStillBeingShippedIsNotGivenBack() {
        Order order = bookedButNotHandedOver(paidOrder("10115"), carrier);

        int left = shipping.giveBackParcelsOfEndedOrders();

        assertThat(left).isZero();
        assertThat(carrier.holdsBooking(stored.bookingKey())).isTrue();
        assertThat(stored.isBookedButNotHandedOver()).isTrue();
    }

    private Order bookedButNotHandedOver(Order order, SandboxCarrier at) {
        stored = new Shipment(order.getId(), at.name());
        at.bookShipment(stored.bookingKey(), order.getShippingAddress(), 1);
        when(orders.get(order.getId())).thenReturn(order);
        when(shipments.findByStatus(Shipment.BOOKING))
                .thenAnswer(invocation -> stored.isBookedButNotHandedOver() ? List.of(stored) : List.of());
        return order;
    }

    /** The sandbox carrier, refusing its first cancellations as a carrier that is down would. */
    private static final class RefusingCarrier extends SandboxCarrier {

        private int refusals;

        RefusingCarrier(int refusals) {
            super(new InMemoryCarrierBooks());
            this.refusals = refusals;
        }

        @Override
        public void cancelBooking(String bookingKey) {
            if (refusals-- > 0) {
                throw new CarrierUnavailableException("Carrier down");
            }
            super.cancelBooking(bookingKey);
        }
    }

    private Order paidOrder(String postalCode) {
        Order order = new Order(
                "customer-1",
                PaymentMethod.CARD,
                "tok_visa",
                new ShippingAddress("1 Main St", "Berlin", postalCode, "DE"),
                "DE",
                "EUR",
                CLOCK.instant());
        order.addLine("TEA-SENCHA-100", 1, new BigDecimal("12.50"));
        when(orderRows.lockToProceed(order.getId())).thenReturn(LockedOrders.of(order));
        when(orderRows.shipped(any(), anyString(), anyString())).thenReturn(shippedMail);
        when(shipments.findByOrderId(order.getId())).thenAnswer(invocation -> Optional.ofNullable(stored));
        when(shipmentRows.find(order.getId()))
                .thenAnswer(invocation -> Optional.ofNullable(stored)
                        .map(row -> new ShipmentRows.Planned(row.isHandedOver() ? row.getTrackingNumber() : null)));
        doAnswer(invocation -> stored = new Shipment(order.getId(), invocation.getArgument(1)))
                .when(shipmentRows)
                .writeIntent(eq(order.getId()), anyString());
        when(shipmentRows.handOver(eq(order.getId()), anyString(), any())).thenAnswer(invocation -> {
            if (!stored.isBookedButNotHandedOver()) {
                return false;
            }
            stored.handedOver(invocation.getArgument(1), invocation.getArgument(2));
            return true;
        });
        // As the statement does: a booking not handed over is marked cancelled; the entity has no
        // method for it any more, the row being written in SQL only.
        when(shipmentRows.bookingCancelled(eq(order.getId()), any())).thenAnswer(invocation -> {
            if (stored == null || stored.isHandedOver()) {
                return false;
            }
            ReflectionTestUtils.setField(stored, "status", Shipment.BOOKING_CANCELLED);
            return true;
        });
        return order;
    }
}
