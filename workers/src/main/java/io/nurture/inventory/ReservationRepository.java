package io.nurture.inventory;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReservationRepository extends JpaRepository<Reservation, Long> {

    // Written out, not derived: see PaymentRepository.findByOrderIdAndKind.
    @Query("select r from Reservation r where r.orderId = :orderId and r.status = :status")
    List<Reservation> findByOrderIdAndStatus(String orderId, ReservationStatus status);

    @Query("select case when count(r) > 0 then true else false end from Reservation r where r.orderId = :orderId")
    boolean existsByOrderId(String orderId);
}
