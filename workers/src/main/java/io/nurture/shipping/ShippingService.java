package io.nurture.shipping;

import io.nurture.inventory.InventoryService;
import io.nurture.notification.NotificationService;
import io.nurture.order.Order;
import io.nurture.order.OrderService;
import io.nurture.order.OrderStatus;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ShippingService {

    private final ShipmentRepository shipments;
    private final Carrier carrier;
    private final OrderService orders;
    private final InventoryService inventory;
    private final NotificationService notifications;
    private final Clock clock;

    ShippingService(ShipmentRepository shipments, Carrier carrier, OrderService orders,
            InventoryService inventory, NotificationService notifications, Clock clock) {
        this.shipments = shipments;
        this.carrier = carrier;
        this.orders = orders;
        this.inventory = inventory;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Books the parcel once per order, takes the goods out of stock and tells the customer; answers
     * the tracking number. An order being cancelled is not shipped.
     */
    @Transactional
    public String ship(String orderId) {
        Order order = orders.lockToProceed(orderId);
        Shipment shipment = shipments.findByOrderId(orderId).orElseGet(() -> shipments.save(new Shipment(orderId,
                carrier.bookShipment(orderId, order.getShippingAddress(), 1), carrier.name(), clock.instant())));
        inventory.ship(orderId);
        order.shippedWith(shipment.getTrackingNumber());
        orders.move(order, OrderStatus.SHIPPED, "Handed to carrier, tracking " + shipment.getTrackingNumber());
        notifications.tellCustomer(order, "order-shipped", Map.of());
        return shipment.getTrackingNumber();
    }

    /** The carrier is 10 days late: the customer hears we are on it, ops chase the carrier. */
    @Transactional
    public void alertDeliveryOverdue(String orderId) {
        Order order = orders.get(orderId);
        notifications.tellCustomer(order, "delivery-delayed", Map.of());
        notifications.alertOps(order, "delivery-overdue", Map.of());
    }
}
