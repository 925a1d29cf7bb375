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

    /**
     * The contact policy allowed it (the model asks it first).
     *
     * @param variant the customer's variant where the step runs an experiment, else null: its
     *     template, and its coupon value instead of the segment table's where it sets one
     */
    @Transactional
    public void sendOffer(
            String customerId, String segment, BigDecimal offerValue, MessageVariant variant, long jobKey) {
        BigDecimal value = MessageVariant.couponOf(variant, offerValue);
        String template = MessageVariant.templateOf(variant, "win-back");
        boolean written = notifications.messageCustomerOffering(
                customerId, null, template, Category.MARKETING, stepKey(jobKey), () -> {
                    Coupon coupon = coupons.issue(
                            customerId,
                            new CouponOffer(
                                    Coupon.WIN_BACK,
                                    value,
                                    history.lastCurrency(customerId),
                                    properties.couponValidity()),
                            stepKey(jobKey));
                    Map<String, Object> details = new HashMap<>(coupon.getMailDetails());
                    details.put("segment", segment);
                    return details;
                });
        log.recordSend(written, customerId, null, "WIN_BACK", segment, stepKey(jobKey));
    }
}
