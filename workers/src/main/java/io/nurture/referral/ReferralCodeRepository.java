package io.nurture.referral;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReferralCodeRepository extends JpaRepository<ReferralCode, String> {

    Optional<ReferralCode> findByCustomerId(String customerId);
}
