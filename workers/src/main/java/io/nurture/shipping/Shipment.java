package io.nurture.shipping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A parcel for an order. Written as an intent ({@link #BOOKING}) before the carrier is called and
 * completed when the goods are handed over: a booking the carrier made whose hand-over never
 * committed is found again by its key, completed by the retry or cancelled with the order.
 */
@Entity
@Table(name = "shipments")
class Shipment {

    static final String BOOKING = "BOOKING";
    static final String BOOKING_CANCELLED = "CANCELLED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false)
    private String orderId;

    @Column(name = "tracking_number")
    private String trackingNumber;

    @Column(nullable = false)
    private String carrier;

    @Column(nullable = false)
    private String status;

    @Column(name = "shipped_at")
    private Instant shippedAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    protected Shipment() {}

    Shipment(String orderId, String carrier) {
        this.orderId = orderId;
        this.carrier = carrier;
        this.status = BOOKING;
    }

    /** The carrier's key for an order's booking: asking again with it books nothing new. */
    static String bookingKeyOf(String orderId) {
        return "shipment-" + orderId;
    }

    String bookingKey() {
        return bookingKeyOf(orderId);
    }

    boolean isHandedOver() {
        return shippedAt != null;
    }

    boolean isBookedButNotHandedOver() {
        return BOOKING.equals(status);
    }

    void handedOver(String trackingNumber, Instant at) {
        this.trackingNumber = trackingNumber;
        this.status = CarrierEventType.SHIPPED.name();
        this.shippedAt = at;
    }

    void record(CarrierEventType event, Instant at) {
        status = event.name();
        if (event == CarrierEventType.DELIVERED) {
            deliveredAt = at;
        }
    }

    public String getOrderId() {
        return orderId;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public String getTrackingNumber() {
        return trackingNumber;
    }
}
