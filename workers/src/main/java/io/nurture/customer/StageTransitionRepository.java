package io.nurture.customer;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface StageTransitionRepository extends JpaRepository<StageTransition, Long> {

    List<StageTransition> findByCustomerIdOrderByAtAscIdAsc(String customerId);
}
