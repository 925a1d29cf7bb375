package io.nurture.shipping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A carrier event as received; its unique key turns a resent event into a no-op. */
@Entity
@Table(name = "shipment_events")
class ShipmentEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tracking_number", nullable = false)
    private String trackingNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CarrierEventType type;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected ShipmentEvent() {}

    ShipmentEvent(String trackingNumber, CarrierEventType type, Instant receivedAt) {
        this.trackingNumber = trackingNumber;
        this.type = type;
        this.receivedAt = receivedAt;
    }
}
