package io.nurture.engagement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues single-use coupons (once per issuing step) and redeems them on new orders. */
@Service
public class CouponService {

    private final CouponRepository coupons;
    private final EngagementProperties properties;
    private final Clock clock;

    CouponService(CouponRepository coupons, EngagementProperties properties, Clock clock) {
        this.coupons = coupons;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    Coupon issue(String customerId, String kind, BigDecimal value, String currency, String issueKey) {
        Instant now = clock.instant();
        return coupons.findByIssueKey(issueKey).orElseGet(() -> coupons.save(new Coupon(newCode(kind), customerId, kind,
                value, currency, now, now.plus(properties.couponValidity()), issueKey)));
    }

    /**
     * Redeems a coupon for an order of this customer; answers its value, or throws with the reason
     * the code cannot be used.
     */
    @Transactional
    public BigDecimal redeem(String code, String customerId, String orderId) {
        Coupon coupon = coupons.findForUpdate(code).filter(c -> c.getCustomerId().equals(customerId))
                .orElseThrow(() -> new CouponRejectedException("is not a valid coupon for this customer"));
        if (coupon.isRedeemed()) {
            throw new CouponRejectedException("has already been used");
        }
        if (!clock.instant().isBefore(coupon.getExpiresAt())) {
            throw new CouponRejectedException("has expired");
        }
        coupon.redeem(orderId, clock.instant());
        return coupon.getValue();
    }

    private static String newCode(String kind) {
        return Codes.random(kind.equals(Coupon.WIN_BACK) ? "WB-" : "SR-", 10);
    }
}
