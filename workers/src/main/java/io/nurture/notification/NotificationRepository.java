package io.nurture.notification;

import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    // Written out, not derived: see PaymentRepository.findByOrderIdAndKind. "Sent before?" asks without
    // flushing the session first: a message is inserted the moment it is saved (its id is the table's), so
    // nothing pending can change the answer, and that flush's dirty check of every entity the step holds
    // was the costliest part of a mail (docs/performance.md, issue 27's seventh part).
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    @Query("select case when count(n) > 0 then true else false end from Notification n"
            + " where n.orderId = :orderId and n.template = :template and n.audience = :audience")
    boolean existsByOrderIdAndTemplateAndAudience(String orderId, String template, Audience audience);

    List<Notification> findByCustomerIdOrderBySentAtAscIdAsc(String customerId);

    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    @Query("select case when count(n) > 0 then true else false end from Notification n"
            + " where n.customerId = :customerId and n.dedupeKey = :dedupeKey")
    boolean existsByCustomerIdAndDedupeKey(String customerId, String dedupeKey);

    Optional<Notification> findByCustomerIdAndDedupeKey(String customerId, String dedupeKey);

    long countByCustomerIdAndCategoryAndSentAtAfter(String customerId, Category category, Instant since);
}
