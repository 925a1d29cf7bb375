package io.nurture.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    // Written out, not derived: see PaymentRepository.findByOrderIdAndKind.
    @Query("select case when count(n) > 0 then true else false end from Notification n"
            + " where n.orderId = :orderId and n.template = :template and n.audience = :audience")
    boolean existsByOrderIdAndTemplateAndAudience(String orderId, String template, Audience audience);

    List<Notification> findByCustomerIdOrderBySentAtAscIdAsc(String customerId);

    @Query("select case when count(n) > 0 then true else false end from Notification n"
            + " where n.customerId = :customerId and n.dedupeKey = :dedupeKey")
    boolean existsByCustomerIdAndDedupeKey(String customerId, String dedupeKey);

    long countByCustomerIdAndCategoryAndSentAtAfter(String customerId, Category category, Instant since);
}
