package io.nurture.shipping;

import io.nurture.inventory.InventoryService;
import io.nurture.notification.MailableOrder;
import io.nurture.notification.NotificationService;
import io.nurture.order.OrderRows;
import io.nurture.order.OrderService;
import io.nurture.order.ShippingAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The shipments' table, each change in a transaction of its own: the carrier is called between them, never inside one. */
@Component
class ShipmentBook {

    private static final Logger LOG = LoggerFactory.getLogger(ShipmentBook.class);

    private final ShipmentRepository shipments;
    private final ShipmentRows rows;
    private final OrderService orders;
    private final OrderRows orderRows;
    private final InventoryService inventory;
    private final NotificationService notifications;
    private final Carrier carrier;
    private final Clock clock;

    ShipmentBook(
            ShipmentRepository shipments,
            ShipmentRows rows,
            OrderService orders,
            OrderRows orderRows,
            InventoryService inventory,
            NotificationService notifications,
            Carrier carrier,
            Clock clock) {
        this.shipments = shipments;
        this.rows = rows;
        this.orders = orders;
        this.orderRows = orderRows;
        this.inventory = inventory;
        this.notifications = notifications;
        this.carrier = carrier;
        this.clock = clock;
    }

    /**
     * @param trackingNumber set when the order was handed over already (a redelivered step)
     */
    record Booking(String key, ShippingAddress address, String trackingNumber) {}

    /** The intent to book, written once per order under its lock; an order being cancelled is not shipped. */
    @Transactional
    Booking plan(String orderId) {
        OrderRows.Locked order = orderRows.lockToProceed(orderId);
        Optional<ShipmentRows.Planned> planned = rows.find(orderId);
        if (planned.isEmpty()) {
            rows.writeIntent(orderId, carrier.name());
        }
        return new Booking(
                Shipment.bookingKeyOf(orderId),
                order.shippingAddress(),
                planned.filter(ShipmentRows.Planned::isHandedOver)
                        .map(ShipmentRows.Planned::trackingNumber)
                        .orElse(null));
    }

    /** The carrier booked: the goods leave stock, the order is shipped and the customer told, once. */
    @Transactional
    String handOver(String orderId, String trackingNumber) {
        OrderRows.Locked order = orderRows.lockToProceed(orderId);
        if (!rows.handOver(orderId, trackingNumber, clock.instant())) {
            return rows.find(orderId)
                    .filter(ShipmentRows.Planned::isHandedOver)
                    .map(ShipmentRows.Planned::trackingNumber)
                    // Given back to the carrier: the parcel does not go, so the order is not shipped.
                    .orElseThrow(() -> new IllegalStateException(
                            "The booking of order " + orderId + " was cancelled at the carrier before its hand-over"));
        }
        inventory.ship(orderId);
        MailableOrder shipped =
                orderRows.shipped(order, trackingNumber, "Handed to carrier, tracking " + trackingNumber);
        notifications.tellCustomer(shipped, "order-shipped", Map.of());
        return trackingNumber;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    Optional<String> bookedButNotHandedOver(String orderId) {
        return shipments
                .findByOrderId(orderId)
                .filter(Shipment::isBookedButNotHandedOver)
                .map(Shipment::bookingKey);
    }

    /** Orders with a parcel booked at the carrier whose hand-over never committed: in flight, or to give back. */
    @Transactional(readOnly = true)
    List<String> ordersBookedButNotHandedOver() {
        return shipments.findByStatus(Shipment.BOOKING).stream()
                .map(Shipment::getOrderId)
                .toList();
    }

    /**
     * Ops hear once that the carrier refused to take a parcel back. A transaction of its own: the
     * clean-up after an order's end runs once that order's transaction has committed.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void giveBackRefused(String orderId, String bookingKey, String error) {
        notifications.alertOps(
                orders.get(orderId), "carrier-booking-not-cancelled", Map.of("bookingKey", bookingKey, "error", error));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void bookingCancelled(String orderId) {
        if (!rows.bookingCancelled(orderId, clock.instant())) {
            LOG.warn("Order {}'s parcel was handed over before its booking was cancelled: it stays shipped", orderId);
        }
    }

    /** The keys of bookings cancelled since then, whose hand-over never committed. */
    @Transactional(readOnly = true)
    List<String> bookingsCancelledSince(Instant since) {
        return shipments.findCancelledSince(Shipment.BOOKING_CANCELLED, since).stream()
                .map(Shipment::bookingKey)
                .toList();
    }
}
