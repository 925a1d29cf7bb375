package io.nurture.engagement;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReferralCodeRepository extends JpaRepository<ReferralCode, String> {

    Optional<ReferralCode> findByCustomerId(String customerId);
}
