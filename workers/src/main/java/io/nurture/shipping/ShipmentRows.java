package io.nurture.shipping;

import io.nurture.persistence.UtcColumns;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The shipment rows the hand-over writes, in plain SQL, in {@link ShipmentBook}'s transactions
 * under the order's lock: every order takes these steps, and through JPA each read loaded the row
 * and each commit compared it again (docs/performance.md, issue 27's twenty-first part). The rest
 * of the shipments' life (carrier events, giving a parcel back) stays on {@link Shipment}.
 */
@Component
class ShipmentRows {

    private final JdbcClient db;

    ShipmentRows(JdbcClient db) {
        this.db = db;
    }

    /** Where the order's booking stands: not written yet (empty), written, or handed over with its tracking number. */
    record Planned(String trackingNumber) {

        boolean isHandedOver() {
            return trackingNumber != null;
        }
    }

    Optional<Planned> find(String orderId) {
        return db.sql("SELECT CASE WHEN shipped_at IS NULL THEN NULL ELSE tracking_number END"
                        + " FROM shipments WHERE order_id = :orderId")
                .param("orderId", orderId)
                .query((rs, row) -> new Planned(rs.getString(1)))
                .optional();
    }

    /** The intent to book with the carrier, before it is called: {@link Shipment#BOOKING}. */
    void writeIntent(String orderId, String carrier) {
        db.sql("INSERT INTO shipments (order_id, carrier, status) VALUES (:orderId, :carrier, :status)")
                .param("orderId", orderId)
                .param("carrier", carrier)
                .param("status", Shipment.BOOKING)
                .update();
    }

    /**
     * The carrier took the parcel: false when the booking is no longer waiting for it (handed over
     * before by a redelivered step, or cancelled at the carrier).
     */
    boolean handOver(String orderId, String trackingNumber, Instant at) {
        return db.sql("UPDATE shipments SET tracking_number = :trackingNumber, status = :shipped, shipped_at = :at"
                                + " WHERE order_id = :orderId AND shipped_at IS NULL AND status = :booking")
                        .param("trackingNumber", trackingNumber)
                        .param("shipped", CarrierEventType.SHIPPED.name())
                        .param("at", UtcColumns.utc(at))
                        .param("orderId", orderId)
                        .param("booking", Shipment.BOOKING)
                        .update()
                > 0;
    }

    /**
     * The carrier cancelled the booking of an ended order: only a booking not handed over, so a
     * hand-over that committed since the give-back began is never written over.
     *
     * @return whether the booking was waiting
     */
    boolean bookingCancelled(String orderId, Instant at) {
        return db.sql("UPDATE shipments SET status = :cancelled, cancelled_at = :at"
                                + " WHERE order_id = :orderId AND shipped_at IS NULL")
                        .param("cancelled", Shipment.BOOKING_CANCELLED)
                        .param("at", UtcColumns.utc(at))
                        .param("orderId", orderId)
                        .update()
                > 0;
    }
}
