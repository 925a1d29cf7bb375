package io.nurture.engagement;

import static io.nurture.engagement.EngagementLog.stepKey;

import io.nurture.carecase.CareCaseService;
import io.nurture.coupon.Coupon;
import io.nurture.coupon.CouponOffer;
import io.nurture.coupon.CouponService;
import io.nurture.customer.LifecycleService;
import io.nurture.customer.LifecycleStage;
import io.nurture.notification.Category;
import io.nurture.notification.NotificationService;
import io.nurture.order.OrderService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A detractor's recovery: an apology with a single-use coupon, a care case for staff, the at-risk stage. */
@Service
class ServiceRecovery {

    private final OrderService orders;
    private final LifecycleService lifecycle;
    private final CouponService coupons;
    private final CareCaseService careCases;
    private final NotificationService notifications;
    private final EngagementLog log;
    private final EngagementProperties properties;

    ServiceRecovery(
            OrderService orders,
            LifecycleService lifecycle,
            CouponService coupons,
            CareCaseService careCases,
            NotificationService notifications,
            EngagementLog log,
            EngagementProperties properties) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.coupons = coupons;
        this.careCases = careCases;
        this.notifications = notifications;
        this.log = log;
        this.properties = properties;
    }

    /**
     * @param variant the customer's variant where the step runs an experiment, else null: its
     *     template, and its coupon value instead of nurture.engagement's where it sets one
     */
    @Transactional
    public void start(String orderId, String customerId, int npsScore, MessageVariant variant, long jobKey) {
        lifecycle.moveTo(customerId, LifecycleStage.AT_RISK, "Detractor score " + npsScore);
        Coupon coupon = coupons.issue(
                customerId,
                new CouponOffer(
                        Coupon.SERVICE_RECOVERY,
                        MessageVariant.couponOf(variant, properties.serviceRecoveryCouponValue()),
                        orders.get(orderId).getCurrency(),
                        properties.couponValidity()),
                stepKey(jobKey));
        careCases.open(customerId, orderId, npsScore);
        notifications.messageCustomer(
                customerId,
                orderId,
                MessageVariant.templateOf(variant, "service-recovery"),
                Category.TRANSACTIONAL,
                stepKey(jobKey),
                coupon.getMailDetails());
        log.record(customerId, orderId, "SERVICE_RECOVERY", EngagementStep.SENT, null, stepKey(jobKey));
    }

    @Transactional
    public void recordCareOutcome(String orderId, String customerId, long jobKey) {
        log.record(customerId, orderId, "CARE_CASE_RESOLVED", EngagementStep.DONE, null, stepKey(jobKey));
    }
}
