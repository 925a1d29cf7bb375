package io.nurture.referral;

import io.nurture.persistence.Codes;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ReferralService {

    private final ReferralCodeRepository codes;
    private final Clock clock;

    ReferralService(ReferralCodeRepository codes, Clock clock) {
        this.codes = codes;
        this.clock = clock;
    }

    @Transactional
    public ReferralCode codeFor(String customerId) {
        return codes.findByCustomerId(customerId)
                .orElseGet(() -> codes.save(new ReferralCode(Codes.random("REF-", 8), customerId, clock.instant())));
    }

    /** The customer a referral code belongs to. */
    @Transactional(readOnly = true)
    public Optional<String> referrer(String code) {
        return codes.findById(code).map(ReferralCode::getCustomerId);
    }
}
