package io.nurture.returns;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ReturnRepository extends JpaRepository<CustomerReturn, String> {

    List<CustomerReturn> findByOrderIdOrderByCreatedAtAsc(String orderId);

    List<CustomerReturn> findByOrderIdIn(List<String> orderIds);

    /** The return a replacement order was placed for; locked until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from CustomerReturn r where r.replacementOrderId = :orderId")
    Optional<CustomerReturn> findReplacedByForUpdate(String orderId);

    /** Holds the return's row lock until the transaction ends: its steps and staff's calls run one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from CustomerReturn r where r.id = :id")
    Optional<CustomerReturn> findForUpdate(String id);
}
