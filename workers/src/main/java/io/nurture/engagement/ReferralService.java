package io.nurture.engagement;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ReferralService {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReferralCodeRepository codes;
    private final Clock clock;

    ReferralService(ReferralCodeRepository codes, Clock clock) {
        this.codes = codes;
        this.clock = clock;
    }

    @Transactional
    ReferralCode codeFor(String customerId) {
        return codes.findByCustomerId(customerId).orElseGet(() -> codes.save(new ReferralCode(newCode(), customerId,
                clock.instant())));
    }

    /** The customer a referral code belongs to. */
    @Transactional(readOnly = true)
    public Optional<String> referrer(String code) {
        return codes.findById(code).map(ReferralCode::getCustomerId);
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder("REF-");
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
