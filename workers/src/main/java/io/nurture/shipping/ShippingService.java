package io.nurture.shipping;

import io.nurture.notification.NotificationService;
import io.nurture.order.CancellationRequestedException;
import io.nurture.order.Order;
import io.nurture.order.OrderEnded;
import io.nurture.order.OrderService;
import io.nurture.order.OrderStatus;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

@Service
public class ShippingService {

    private static final Logger LOG = LoggerFactory.getLogger(ShippingService.class);

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
        try {
            return book.handOver(orderId, trackingNumber);
        } catch (CancellationRequestedException cancelled) {
            // The cancellation came while the carrier was booking (its own clean-up may have run before
            // this booking existed): a requested cancellation is final, so the parcel goes back now.
            giveBack(orderId, booking.key());
            throw cancelled;
        }
    }

    /**
     * An order that ended without shipping gives back a parcel booked for it whose hand-over never
     * committed: the carrier cancels it, once the order's end committed.
     */
    @TransactionalEventListener
    public void cancelBookingOf(OrderEnded ended) {
        book.bookedButNotHandedOver(ended.orderId()).ifPresent(key -> giveBack(ended.orderId(), key));
    }

    /**
     * Tries again to give back the parcels of orders that ended without shipping, whose carrier
     * refused the cancellation before (or whose app stopped before it was asked); answers how many
     * are still booked.
     */
    public int giveBackParcelsOfEndedOrders() {
        int stillBooked = 0;
        for (String orderId : book.ordersBookedButNotHandedOver()) {
            OrderStatus status = orders.get(orderId).getStatus();
            if ((status == OrderStatus.CANCELLED || status == OrderStatus.REJECTED)
                    && !giveBack(orderId, Shipment.bookingKeyOf(orderId))) {
                stillBooked++;
            }
        }
        return stillBooked;
    }

    /**
     * Cancels again, at the carrier, the bookings cancelled since {@code since}: a cancellation
     * that came while the carrier call was under way found nothing to cancel, and the carrier may
     * have booked the parcel after it, with the step that would have given it back dead or timed
     * out meanwhile. Cancelling a cancelled booking again changes nothing.
     */
    public void cancelAgainBookingsCancelledSince(Instant since) {
        for (String bookingKey : book.bookingsCancelledSince(since)) {
            try {
                carrier.cancelBooking(bookingKey);
            } catch (RuntimeException e) {
                LOG.warn(
                        "The carrier did not take the cancellation of booking {} again; asking on the next round",
                        bookingKey,
                        e);
            }
        }
    }

    /**
     * A carrier that refuses leaves the row BOOKING: {@link #giveBackParcelsOfEndedOrders()} tries
     * again, and ops are told once, so a parcel for a cancelled order is never left booked unseen.
     */
    private boolean giveBack(String orderId, String bookingKey) {
        try {
            carrier.cancelBooking(bookingKey);
            book.bookingCancelled(orderId);
            return true;
        } catch (RuntimeException e) {
            LOG.error(
                    "The carrier booking {} of ended order {} could not be cancelled; trying again later",
                    bookingKey,
                    orderId,
                    e);
            tellOps(orderId, bookingKey, e);
            return false;
        }
    }

    private void tellOps(String orderId, String bookingKey, RuntimeException refusal) {
        try {
            book.giveBackRefused(orderId, bookingKey, String.valueOf(refusal.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("Could not tell ops that the carrier kept booking {} of order {}", bookingKey, orderId, e);
        }
    }

    /** The carrier is 10 days late: the customer hears we are on it, ops chase the carrier. */
    @Transactional
    public void alertDeliveryOverdue(String orderId) {
        Order order = orders.get(orderId);
        notifications.tellCustomer(order, "delivery-delayed", Map.of());
        notifications.alertOps(order, "delivery-overdue", Map.of());
    }
}
