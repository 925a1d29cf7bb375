package io.nurture.engagement;

import static io.nurture.engagement.EngagementLog.stepKey;

import io.nurture.coupon.Coupon;
import io.nurture.coupon.CouponOffer;
import io.nurture.coupon.CouponService;
import io.nurture.notification.Category;
import io.nurture.notification.NotificationService;
import io.nurture.order.PurchaseHistory;
import io.nurture.processes.CustomerRetention;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The win-back offer the segment decision chose: a coupon in the customer's last currency. */
@Service
class WinBack {

    private final MarketingGate marketing;
    private final PurchaseHistory history;
    private final CouponService coupons;
    private final NotificationService notifications;
    private final EngagementLog log;
    private final EngagementProperties properties;

    WinBack(MarketingGate marketing, PurchaseHistory history, CouponService coupons, NotificationService notifications,
            EngagementLog log, EngagementProperties properties) {
        this.marketing = marketing;
        this.history = history;
        this.coupons = coupons;
        this.notifications = notifications;
        this.log = log;
        this.properties = properties;
    }

    @Transactional
    public void sendOffer(String customerId, String segment, BigDecimal offerValue, BigDecimal holdoutShare, long jobKey) {
        Optional<String> skip = marketing.reasonToSkip(customerId, CustomerRetention.PROCESS_ID, holdoutShare);
        if (skip.isPresent()) {
            log.record(customerId, null, "WIN_BACK", EngagementStep.SKIPPED, skip.get(), stepKey(jobKey));
            return;
        }
        Coupon coupon = coupons.issue(customerId, new CouponOffer(Coupon.WIN_BACK, offerValue,
                history.lastCurrency(customerId), properties.couponValidity()), stepKey(jobKey));
        Map<String, Object> details = new HashMap<>(coupon.mailDetails());
        details.put("segment", segment);
        notifications.messageCustomer(customerId, null, "win-back", Category.MARKETING, stepKey(jobKey), details);
        log.record(customerId, null, "WIN_BACK", EngagementStep.SENT, segment, stepKey(jobKey));
    }
}
