package io.nurture.shipping;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ShipmentRepository extends JpaRepository<Shipment, Long> {

    // Written out, not derived: see PaymentRepository.findByOrderIdAndKind.
    @Query("select s from Shipment s where s.orderId = :orderId")
    Optional<Shipment> findByOrderId(String orderId);

    Optional<Shipment> findByTrackingNumber(String trackingNumber);

    List<Shipment> findByStatus(String status);

    @Query("select s from Shipment s where s.status = :status and s.cancelledAt >= :since")
    List<Shipment> findCancelledSince(String status, Instant since);

    /** Holds the shipment's row lock until the transaction ends: events for one parcel are recorded one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Shipment s where s.trackingNumber = :trackingNumber")
    Optional<Shipment> findForUpdate(String trackingNumber);
}
