package io.nurture.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    boolean existsByOrderIdAndTemplateAndAudience(String orderId, String template, Audience audience);

    List<Notification> findByCustomerIdOrderBySentAtAscIdAsc(String customerId);
}
