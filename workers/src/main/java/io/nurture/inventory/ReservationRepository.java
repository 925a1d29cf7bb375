package io.nurture.inventory;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReservationRepository extends JpaRepository<Reservation, Long> {

    List<Reservation> findByOrderIdAndStatus(String orderId, ReservationStatus status);

    boolean existsByOrderId(String orderId);
}
