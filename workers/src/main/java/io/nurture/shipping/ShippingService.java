package io.nurture.shipping;

import io.nurture.notification.NotificationService;
import io.nurture.order.Order;
import io.nurture.order.OrderEnded;
import io.nurture.order.OrderService;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

@Service
public class ShippingService {

    private final ShipmentBook book;
    private final Carrier carrier;
    private final OrderService orders;
    private final NotificationService notifications;

    ShippingService(ShipmentBook book, Carrier carrier, OrderService orders, NotificationService notifications) {
        this.book = book;
        this.carrier = carrier;
        this.orders = orders;
        this.notifications = notifications;
    }

    /**
     * Books the parcel once per order, takes the goods out of stock and tells the customer; answers
     * the tracking number. The intent to book is written before the carrier is called and the
     * hand-over after it, so a step that dies between them books nothing twice: its retry asks the
     * carrier again under the same key. An order being cancelled is not shipped.
     */
    public String ship(String orderId) {
        ShipmentBook.Booking booking = book.plan(orderId);
        if (booking.trackingNumber() != null) {
            return booking.trackingNumber();
        }
        String trackingNumber = carrier.bookShipment(booking.key(), booking.address(), 1);
        return book.handOver(orderId, trackingNumber);
    }

    /**
     * An order that ended without shipping gives back a parcel booked for it whose hand-over never
     * committed: the carrier cancels it, once the order's end committed.
     */
    @TransactionalEventListener
    public void cancelBookingOf(OrderEnded ended) {
        book.bookedButNotHandedOver(ended.orderId()).ifPresent(key -> {
            carrier.cancelBooking(key);
            book.bookingCancelled(ended.orderId());
        });
    }

    /** The carrier is 10 days late: the customer hears we are on it, ops chase the carrier. */
    @Transactional
    public void alertDeliveryOverdue(String orderId) {
        Order order = orders.get(orderId);
        notifications.tellCustomer(order, "delivery-delayed", Map.of());
        notifications.alertOps(order, "delivery-overdue", Map.of());
    }
}
