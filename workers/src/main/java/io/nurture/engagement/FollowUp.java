package io.nurture.engagement;

import static io.nurture.engagement.EngagementLog.stepKey;

import io.nurture.notification.Category;
import io.nurture.notification.NotificationService;
import io.nurture.reporting.Recommendations;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The thank-you after a delivery, with recommendations, and the thanks for feedback. */
@Service
class FollowUp {

    private final NotificationService notifications;
    private final Recommendations recommendations;
    private final EngagementLog log;

    FollowUp(NotificationService notifications, Recommendations recommendations, EngagementLog log) {
        this.notifications = notifications;
        this.recommendations = recommendations;
        this.log = log;
    }

    /** @param variant the customer's variant where the step runs an experiment, else null */
    @Transactional
    public void sendFollowUp(String orderId, String customerId, MessageVariant variant, long jobKey) {
        notifications.messageCustomer(
                customerId,
                orderId,
                MessageVariant.templateOf(variant, "follow-up"),
                Category.TRANSACTIONAL,
                stepKey(jobKey),
                Map.of("recommendations", recommendations.forCustomer(customerId)));
        log.record(customerId, orderId, "FOLLOW_UP", EngagementStep.SENT, null, stepKey(jobKey));
    }

    /** @param variant the customer's variant where the step runs an experiment, else null */
    @Transactional
    public void thankForFeedback(String orderId, String customerId, MessageVariant variant, long jobKey) {
        notifications.messageCustomer(
                customerId,
                orderId,
                MessageVariant.templateOf(variant, "feedback-thanks"),
                Category.TRANSACTIONAL,
                stepKey(jobKey),
                Map.of());
        log.record(customerId, orderId, "THANK_YOU", EngagementStep.SENT, null, stepKey(jobKey));
    }
}
