package io.nurture.shipping;

import io.nurture.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The label a customer sends a return with; the carrier's events find the return by its tracking number. */
@Entity
@Table(name = "return_parcels")
class ReturnParcel extends AssignedIdEntity {

    @Id
    @Column(name = "return_id")
    private String returnId;

    @Column(name = "order_id", nullable = false)
    private String orderId;

    @Column(name = "tracking_number", nullable = false)
    private String trackingNumber;

    @Column(name = "booked_at", nullable = false)
    private Instant bookedAt;

    @Column(name = "received_at")
    private Instant receivedAt;

    protected ReturnParcel() {}

    ReturnParcel(String returnId, String orderId, String trackingNumber, Instant bookedAt) {
        this.returnId = returnId;
        this.orderId = orderId;
        this.trackingNumber = trackingNumber;
        this.bookedAt = bookedAt;
    }

    /** The carrier's key for a return's label: asking again with it answers the same label. */
    static String bookingKeyOf(String returnId) {
        return "return-" + returnId;
    }

    @Override
    public String getId() {
        return returnId;
    }

    String getReturnId() {
        return returnId;
    }

    String getTrackingNumber() {
        return trackingNumber;
    }

    void received(Instant at) {
        this.receivedAt = at;
    }
}
