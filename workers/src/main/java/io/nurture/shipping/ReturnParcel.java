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

    /** Null from the intent until the carrier's answer is recorded. */
    @Column(name = "tracking_number")
    private String trackingNumber;

    @Column(name = "booked_at", nullable = false)
    private Instant bookedAt;

    @Column(name = "received_at")
    private Instant receivedAt;

    protected ReturnParcel() {}

    /** The intent, written before the carrier is called. */
    ReturnParcel(String returnId, String orderId, Instant bookedAt) {
        this.returnId = returnId;
        this.orderId = orderId;
        this.bookedAt = bookedAt;
    }

    void labelled(String trackingNumber) {
        this.trackingNumber = trackingNumber;
    }

    boolean wasReceived() {
        return receivedAt != null;
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
