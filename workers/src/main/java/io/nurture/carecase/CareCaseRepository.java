package io.nurture.carecase;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CareCaseRepository extends JpaRepository<CareCase, String> {

    Optional<CareCase> findByOrderId(String orderId);

    List<CareCase> findByCustomerIdOrderByOpenedAtAsc(String customerId);

    List<CareCase> findByStatusOrderByOpenedAtAsc(String status);

    List<CareCase> findAllByOrderByOpenedAtAsc();

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from CareCase c where c.id = :id")
    Optional<CareCase> findForUpdate(String id);
}
