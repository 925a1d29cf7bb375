package io.nurture.order;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface OrderRepository extends JpaRepository<Order, String> {

    /** Loads the order and holds its row lock until the transaction ends, serialising status changes. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Order o where o.id = :id")
    Optional<Order> findForUpdate(String id);

    Optional<Order> findByReturnToken(String returnToken);

    // Written out, not derived: see PaymentRepository.findByOrderIdAndKind.
    @Query("select case when count(o) > 0 then true else false end from Order o where o.customerId = :customerId")
    boolean existsByCustomerId(String customerId);

    List<Order> findByCustomerIdOrderByCreatedAtAsc(String customerId);

    long countByStatus(OrderStatus status);

    @Query("select o.status, count(o) from Order o group by o.status")
    List<Object[]> countPerStatus();

    List<Order> findByStatusInAndCreatedAtGreaterThanEqual(List<OrderStatus> statuses, Instant placedSince);

    /** Purchases only: a return's replacement is none. */
    long countByCustomerIdAndStatusAndReplacesOrderIdIsNull(String customerId, OrderStatus status);

    /** When the customer placed their latest delivered order (not a replacement): retention counts from it. */
    @Query("select max(o.createdAt) from Order o where o.customerId = :customerId"
            + " and o.status = io.nurture.order.OrderStatus.DELIVERED and o.replacesOrderId is null")
    Instant lastDeliveredPurchase(String customerId);

    @Query("select distinct o.id from Order o join o.lines l where o.status in :statuses and l.sku in :skus"
            + " and o.cancellationRequestedAt is null")
    List<String> findIdsByStatusInAndSkuIn(List<OrderStatus> statuses, List<String> skus);
}
