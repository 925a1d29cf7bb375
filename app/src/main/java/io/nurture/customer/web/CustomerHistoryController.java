package io.nurture.customer.web;

import io.nurture.coupon.CouponService;
import io.nurture.customer.CustomerService;
import io.nurture.customer.LifecycleStage;
import io.nurture.engagement.EngagementLog;
import io.nurture.notification.NotificationService;
import io.nurture.survey.SurveyService;
import io.nurture.survey.SurveyStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff views of what happened with a customer: stages and steps, messages, surveys, coupons. */
@RestController
@RequestMapping("/api/customers/{customerId}")
class CustomerHistoryController {

    private final CustomerService customers;
    private final EngagementLog engagement;
    private final NotificationService notifications;
    private final SurveyService surveys;
    private final CouponService coupons;

    CustomerHistoryController(
            CustomerService customers,
            EngagementLog engagement,
            NotificationService notifications,
            SurveyService surveys,
            CouponService coupons) {
        this.customers = customers;
        this.engagement = engagement;
        this.notifications = notifications;
        this.surveys = surveys;
        this.coupons = coupons;
    }

    @GetMapping("/journey")
    JourneyView journey(@PathVariable String customerId) {
        known(customerId);
        return new JourneyView(
                customers.stagesOf(customerId).stream()
                        .map(t -> new JourneyView.Stage(t.getFromStage(), t.getToStage(), t.getAt(), t.getCause()))
                        .toList(),
                engagement.stepsOf(customerId).stream()
                        .map(s -> new JourneyView.Step(
                                s.getStep(), s.getOutcome(), s.getReason(), s.getOrderId(), s.getAt()))
                        .toList());
    }

    /** Every message sent to the customer, oldest first. */
    @GetMapping("/messages")
    List<SentMessage> messages(@PathVariable String customerId) {
        known(customerId);
        return notifications.sentToCustomer(customerId).stream()
                .map(n -> new SentMessage(
                        n.getId(),
                        n.getChannel(),
                        n.getTemplate(),
                        n.getCategory().name(),
                        n.getSubject(),
                        n.getSentAt(),
                        n.getOrderId(),
                        n.isSuppressed()))
                .toList();
    }

    @GetMapping("/surveys")
    List<SurveyView> surveys(@PathVariable String customerId) {
        known(customerId);
        return surveys.surveysOf(customerId).stream()
                .map(s -> new SurveyView(s.getToken(), s.getOrderId(), s.getStatus(), s.getScore()))
                .toList();
    }

    @GetMapping("/coupons")
    List<CouponView> coupons(@PathVariable String customerId) {
        known(customerId);
        return coupons.couponsOf(customerId).stream()
                .map(c -> new CouponView(c.getCode(), c.getKind(), c.getValue(), c.getExpiresAt(), c.isRedeemed()))
                .toList();
    }

    private void known(String customerId) {
        customers.find(customerId).orElseThrow(() -> CustomerController.unknown(customerId));
    }

    record JourneyView(List<Stage> stages, List<Step> steps) {
        record Stage(LifecycleStage from, LifecycleStage to, Instant at, String cause) {}

        record Step(String step, String outcome, String reason, String orderId, Instant at) {}
    }

    /**
     * @param category   TRANSACTIONAL (about an order; staff can send it again), MARKETING or TRIGGERED
     * @param suppressed not sent: the customer's address is suppressed (it bounced, or they complained)
     */
    record SentMessage(
            long messageId,
            String channel,
            String template,
            String category,
            String subject,
            Instant sentAt,
            String orderId,
            boolean suppressed) {}

    record SurveyView(String token, String orderId, SurveyStatus status, Integer score) {}

    record CouponView(String code, String kind, BigDecimal value, Instant expiresAt, boolean redeemed) {}
}
