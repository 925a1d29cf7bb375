package io.nurture.coupon;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CouponRepository extends JpaRepository<Coupon, String> {

    Optional<Coupon> findByIssueKey(String issueKey);

    List<Coupon> findByCustomerIdOrderByIssuedAtAsc(String customerId);

    List<Coupon> findByRedeemedOrderId(String orderId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Coupon c where c.code = :code")
    Optional<Coupon> findForUpdate(String code);
}
