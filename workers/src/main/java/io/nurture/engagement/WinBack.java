package io.nurture.engagement;

import static io.nurture.engagement.EngagementLog.stepKey;

import io.nurture.coupon.Coupon;
import io.nurture.coupon.CouponOffer;
import io.nurture.coupon.CouponService;
import io.nurture.notification.Category;
import io.nurture.notification.NotificationService;
import io.nurture.order.PurchaseHistory;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The win-back offer the segment decision chose: a coupon in the customer's last currency. */
@Service
class WinBack {

    private final PurchaseHistory history;
    private final CouponService coupons;
    private final NotificationService notifications;
    private final EngagementLog log;
    private final EngagementProperties properties;

    WinBack(
            PurchaseHistory history,
            CouponService coupons,
            NotificationService notifications,
            EngagementLog log,
            EngagementProperties properties) {
        this.history = history;
        this.coupons = coupons;
        this.notifications = notifications;
        this.log = log;
        this.properties = properties;
    }

    @Transactional
    /** The contact policy allowed it (the model asks it first). */
    public void sendOffer(String customerId, String segment, BigDecimal offerValue, long jobKey) {
        Coupon coupon = coupons.issue(
                customerId,
                new CouponOffer(
                        Coupon.WIN_BACK, offerValue, history.lastCurrency(customerId), properties.couponValidity()),
                stepKey(jobKey));
        Map<String, Object> details = new HashMap<>(coupon.getMailDetails());
        details.put("segment", segment);
        notifications.messageCustomer(customerId, null, "win-back", Category.MARKETING, stepKey(jobKey), details);
        log.record(customerId, null, "WIN_BACK", EngagementStep.SENT, segment, stepKey(jobKey));
    }
}
