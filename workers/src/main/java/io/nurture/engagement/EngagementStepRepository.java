package io.nurture.engagement;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface EngagementStepRepository extends JpaRepository<EngagementStep, Long> {

    boolean existsByStepKey(String stepKey);

    List<EngagementStep> findByCustomerIdOrderByAtAscIdAsc(String customerId);

    long countByCustomerIdAndStepStartingWithAndOutcomeAndAtAfter(
            String customerId, String stepPrefix, String outcome, Instant after);
}
