package io.nurture.payment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentRepository extends JpaRepository<Payment, String> {

    Optional<Payment> findByOrderIdAndKind(String orderId, PaymentKind kind);

    List<Payment> findByOrderId(String orderId);
}
