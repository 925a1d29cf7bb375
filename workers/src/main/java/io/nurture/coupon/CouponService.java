package io.nurture.coupon;

import io.nurture.order.OrderEnded;
import io.nurture.persistence.Codes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues single-use coupons (once per issuing step) and redeems them on new orders. */
@Service
public class CouponService {

    private final CouponRepository coupons;
    private final Clock clock;

    CouponService(CouponRepository coupons, Clock clock) {
        this.coupons = coupons;
        this.clock = clock;
    }

    @Transactional
    public Coupon issue(String customerId, CouponOffer offer, String issueKey) {
        Instant now = clock.instant();
        return coupons.findByIssueKey(issueKey)
                .orElseGet(() -> coupons.save(new Coupon(
                        newCode(offer.kind()),
                        customerId,
                        offer.kind(),
                        offer.value(),
                        offer.currency(),
                        now,
                        now.plus(offer.validity()),
                        issueKey)));
    }

    /**
     * Redeems a coupon for an order of this customer; answers its value, or throws with the reason
     * the code cannot be used.
     */
    @Transactional
    public BigDecimal redeem(String code, String customerId, String orderId) {
        Coupon coupon = coupons.findForUpdate(code)
                .filter(c -> c.getCustomerId().equals(customerId))
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

    /** A coupon spent on an order that ended without shipping is the customer's again. */
    @EventListener
    @Transactional
    public void releaseFor(OrderEnded ended) {
        coupons.findByRedeemedOrderId(ended.orderId()).forEach(Coupon::release);
    }

    private static String newCode(String kind) {
        return Codes.random(kind.equals(Coupon.WIN_BACK) ? "WB-" : "SR-", 10);
    }

    /** The customer's coupons, oldest first. */
    @Transactional(readOnly = true)
    public List<Coupon> couponsOf(String customerId) {
        return coupons.findByCustomerIdOrderByIssuedAtAsc(customerId);
    }
}
