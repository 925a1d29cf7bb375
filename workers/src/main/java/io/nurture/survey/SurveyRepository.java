package io.nurture.survey;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SurveyRepository extends JpaRepository<Survey, String> {

    Optional<Survey> findByOrderId(String orderId);

    List<Survey> findByCustomerIdOrderBySentAtAsc(String customerId);

    Optional<Survey> findFirstByCustomerIdAndStatusOrderByAnsweredAtDesc(String customerId, SurveyStatus status);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Survey s where s.token = :token")
    Optional<Survey> findForUpdate(String token);
}
