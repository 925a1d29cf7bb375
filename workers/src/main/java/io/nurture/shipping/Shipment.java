package io.nurture.shipping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "shipments")
class Shipment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false)
    private String orderId;

    @Column(name = "tracking_number", nullable = false)
    private String trackingNumber;

    @Column(nullable = false)
    private String carrier;

    @Column(nullable = false)
    private String status;

    @Column(name = "shipped_at", nullable = false)
    private Instant shippedAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected Shipment() {
    }

    Shipment(String orderId, String trackingNumber, String carrier, Instant shippedAt) {
        this.orderId = orderId;
        this.trackingNumber = trackingNumber;
        this.carrier = carrier;
        this.status = CarrierEventType.SHIPPED.name();
        this.shippedAt = shippedAt;
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
