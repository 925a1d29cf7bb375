package io.nurture.payment;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PaymentRepository extends JpaRepository<Payment, String> {

    // Written out rather than derived from the name: Hibernate caches a written query's translation to
    // SQL, and builds a derived one's anew on every call (docs/performance.md).
    @Query("select p from Payment p where p.orderId = :orderId and p.kind = :kind")
    Optional<Payment> findByOrderIdAndKind(String orderId, PaymentKind kind);

    List<Payment> findByOrderId(String orderId);

    List<Payment> findByOrderIdIn(List<String> orderIds);

    List<Payment> findByKindAndStatusOrderByCreatedAtAsc(PaymentKind kind, PaymentStatus status);

    List<Payment> findByKindInAndStatusOrderByCreatedAtAsc(Collection<PaymentKind> kinds, PaymentStatus status);

    long countByKindInAndStatus(Collection<PaymentKind> kinds, PaymentStatus status);

    List<Payment> findByKindAndStatusAndCompletedAtAfter(PaymentKind kind, PaymentStatus status, Instant after);

    List<Payment> findByKindAndStatusAndCreatedAtBetween(
            PaymentKind kind, PaymentStatus status, Instant from, Instant to);

    long countByKindAndStatus(PaymentKind kind, PaymentStatus status);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.id = :id")
    Optional<Payment> findForUpdate(String id);
}
