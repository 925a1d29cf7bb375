package io.nurture.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    boolean existsByOrderIdAndTemplateAndAudience(String orderId, String template, Audience audience);

    List<Notification> findByCustomerIdOrderBySentAtAscIdAsc(String customerId);

    boolean existsByCustomerIdAndDedupeKey(String customerId, String dedupeKey);

    long countByCustomerIdAndCategoryAndSentAtAfter(String customerId, Category category, Instant since);
}
