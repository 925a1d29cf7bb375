package io.nurture.engagement;

import io.nurture.customer.Customer;
import io.nurture.customer.CustomerRepository;
import io.nurture.customer.LifecycleService;
import io.nurture.customer.LifecycleStage;
import io.nurture.notification.Category;
import io.nurture.notification.NotificationService;
import io.nurture.orchestration.ProcessMessages;
import io.nurture.order.Order;
import io.nurture.order.OrderRepository;
import io.nurture.order.OrderStatus;
import io.nurture.order.UnknownOrderException;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of one delivered order's journey. Each takes the key of the job that runs it, so a
 * redelivered job neither mails nor records twice.
 */
@Service
public class PostPurchaseService {

    private final OrderRepository orders;
    private final CustomerRepository customers;
    private final LifecycleService lifecycle;
    private final NotificationService notifications;
    private final SurveyService surveys;
    private final CouponService coupons;
    private final CareCaseService careCases;
    private final ReferralService referrals;
    private final Recommendations recommendations;
    private final MarketingGate marketing;
    private final EngagementLog log;
    private final ProcessMessages messages;
    private final EngagementProperties properties;

    PostPurchaseService(OrderRepository orders, CustomerRepository customers, LifecycleService lifecycle,
            NotificationService notifications, SurveyService surveys, CouponService coupons, CareCaseService careCases,
            ReferralService referrals, Recommendations recommendations, MarketingGate marketing, EngagementLog log,
            ProcessMessages messages, EngagementProperties properties) {
        this.orders = orders;
        this.customers = customers;
        this.lifecycle = lifecycle;
        this.notifications = notifications;
        this.surveys = surveys;
        this.coupons = coupons;
        this.careCases = careCases;
        this.referrals = referrals;
        this.recommendations = recommendations;
        this.marketing = marketing;
        this.log = log;
        this.messages = messages;
        this.properties = properties;
    }

    /**
     * Moves the customer's stage, credits the referrer of a referred order, and keeps the
     * customer's retention journey running: started at the first delivery, restarted by each one.
     */
    @Transactional
    public void recordDelivery(String orderId) {
        Order order = order(orderId);
        String customerId = order.getCustomerId();
        lifecycle.purchaseDelivered(customerId, orders.countByCustomerIdAndStatus(customerId, OrderStatus.DELIVERED));
        if (order.getReferralCode() != null) {
            referrals.referrer(order.getReferralCode()).ifPresent(referrer ->
                    lifecycle.moveTo(referrer, LifecycleStage.ADVOCATE, "Referral converted (order " + orderId + ")"));
        }
        Instant lastPurchase = orders.lastDeliveredPurchase(customerId);
        messages.purchaseDelivered(customerId, lastPurchase);
        messages.retentionJourneyRequested(customerId, lastPurchase);
    }

    @Transactional
    public void sendFollowUp(String orderId, String customerId, long jobKey) {
        notifications.messageCustomer(customerId, orderId, "follow-up", Category.TRANSACTIONAL, key(jobKey),
                Map.of("recommendations", recommendations.forCustomer(customerId)));
        log.record(customerId, orderId, "FOLLOW_UP", EngagementStep.SENT, null, key(jobKey));
    }

    /** Answers when the survey was first sent: a redelivered job reports the original time. */
    @Transactional
    public Instant sendSurvey(String orderId, String customerId, long jobKey) {
        Survey survey = surveys.open(orderId, customerId);
        notifications.messageCustomer(customerId, orderId, "survey", Category.TRANSACTIONAL, key(jobKey),
                Map.of("surveyLink", surveyLink(survey)));
        log.record(customerId, orderId, "SURVEY", EngagementStep.SENT, null, key(jobKey));
        return survey.getSentAt();
    }

    @Transactional
    public void remindAboutSurvey(String orderId, String customerId, long jobKey) {
        Survey survey = surveys.open(orderId, customerId);
        if (survey.getStatus() == SurveyStatus.SENT) {
            notifications.messageCustomer(customerId, orderId, "survey-reminder", Category.TRANSACTIONAL, key(jobKey),
                    Map.of("surveyLink", surveyLink(survey)));
            log.record(customerId, orderId, "SURVEY_REMINDER", EngagementStep.SENT, null, key(jobKey));
        }
    }

    @Transactional
    public void recordSurveyUnanswered(String orderId, String customerId, long jobKey) {
        surveys.expire(orderId);
        log.record(customerId, orderId, "SURVEY", "UNANSWERED", "No answer within 14 days", key(jobKey));
    }

    /** Detractor: an apology with a single-use coupon, a care case for staff, and the at-risk stage. */
    @Transactional
    public void startServiceRecovery(String orderId, String customerId, int npsScore, long jobKey) {
        lifecycle.moveTo(customerId, LifecycleStage.AT_RISK, "Detractor score " + npsScore);
        Coupon coupon = coupons.issue(customerId, Coupon.SERVICE_RECOVERY, properties.serviceRecoveryCouponValue(),
                order(orderId).getCurrency(), key(jobKey));
        careCases.open(customerId, orderId, npsScore);
        notifications.messageCustomer(customerId, orderId, "service-recovery", Category.TRANSACTIONAL, key(jobKey),
                couponModel(coupon));
        log.record(customerId, orderId, "SERVICE_RECOVERY", EngagementStep.SENT, null, key(jobKey));
    }

    @Transactional
    public void recordCareOutcome(String orderId, String customerId, long jobKey) {
        log.record(customerId, orderId, "CARE_CASE_RESOLVED", EngagementStep.DONE, null, key(jobKey));
    }

    @Transactional
    public void thankForFeedback(String orderId, String customerId, long jobKey) {
        notifications.messageCustomer(customerId, orderId, "feedback-thanks", Category.TRANSACTIONAL, key(jobKey), Map.of());
        log.record(customerId, orderId, "THANK_YOU", EngagementStep.SENT, null, key(jobKey));
    }

    /** Promoter: an advocate now; the review and referral ask is marketing, so it needs consent. */
    @Transactional
    public void askForAdvocacy(String orderId, String customerId, long jobKey) {
        lifecycle.moveTo(customerId, LifecycleStage.ADVOCATE, "Promoter score");
        Customer customer = customers.findById(customerId).orElseThrow();
        var skip = marketing.reasonToSkip(customer);
        if (skip.isPresent()) {
            log.record(customerId, orderId, "ADVOCACY_ASK", EngagementStep.SKIPPED, skip.get(), key(jobKey));
            return;
        }
        ReferralCode code = referrals.codeFor(customerId);
        notifications.messageCustomer(customerId, orderId, "advocacy-ask", Category.MARKETING, key(jobKey),
                Map.of("referralCode", code.getCode()));
        log.record(customerId, orderId, "ADVOCACY_ASK", EngagementStep.SENT, null, key(jobKey));
    }

    static Map<String, Object> couponModel(Coupon coupon) {
        return Map.of("couponCode", coupon.getCode(), "couponValue", coupon.getValue().toPlainString(),
                "couponExpires", coupon.getExpiresAt().toString().substring(0, 10));
    }

    static String key(long jobKey) {
        return "job-" + jobKey;
    }

    private String surveyLink(Survey survey) {
        return properties.publicBaseUrl() + "/surveys/" + survey.getToken();
    }

    private Order order(String orderId) {
        return orders.findById(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
    }
}
