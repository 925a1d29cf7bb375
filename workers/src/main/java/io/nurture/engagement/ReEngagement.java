package io.nurture.engagement;

import static io.nurture.engagement.EngagementLog.stepKey;

import io.nurture.customer.LifecycleService;
import io.nurture.customer.LifecycleStage;
import io.nurture.notification.Category;
import io.nurture.notification.NotificationService;
import io.nurture.reporting.Recommendations;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A quiet customer: at risk after 45 days (with a nudge, if they agreed to marketing), lapsed after 180. */
@Service
class ReEngagement {

    private final LifecycleService lifecycle;
    private final Recommendations recommendations;
    private final NotificationService notifications;
    private final EngagementLog log;

    ReEngagement(
            LifecycleService lifecycle,
            Recommendations recommendations,
            NotificationService notifications,
            EngagementLog log) {
        this.lifecycle = lifecycle;
        this.recommendations = recommendations;
        this.notifications = notifications;
        this.log = log;
    }

    @Transactional
    public void markAtRisk(String customerId) {
        lifecycle.moveTo(customerId, LifecycleStage.AT_RISK, "No purchase for 45 days");
    }

    /**
     * The contact policy allowed it (the model asks it first).
     *
     * @param variant the customer's variant where the step runs an experiment, else null
     */
    @Transactional
    public void send(String customerId, MessageVariant variant, long jobKey) {
        boolean written = notifications.messageCustomer(
                customerId,
                null,
                MessageVariant.templateOf(variant, "re-engagement"),
                Category.MARKETING,
                stepKey(jobKey),
                Map.of("recommendations", recommendations.forCustomer(customerId)));
        log.recordSend(written, customerId, null, "RE_ENGAGEMENT", null, stepKey(jobKey));
    }

    @Transactional
    public void markLapsed(String customerId) {
        lifecycle.moveTo(customerId, LifecycleStage.LAPSED, "No purchase for 180 days");
    }
}
