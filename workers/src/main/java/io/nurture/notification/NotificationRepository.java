package io.nurture.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByCustomerIdOrderBySentAtAscIdAsc(String customerId);

    Optional<Notification> findByCustomerIdAndDedupeKey(String customerId, String dedupeKey);

    long countByCustomerIdAndCategoryAndSentAtAfter(String customerId, Category category, Instant since);
}
