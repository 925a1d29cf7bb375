package io.nurture.engagement;

import static io.nurture.engagement.EngagementLog.stepKey;

import io.nurture.customer.LifecycleService;
import io.nurture.customer.LifecycleStage;
import io.nurture.notification.Category;
import io.nurture.notification.NotificationService;
import io.nurture.order.Recommendations;
import io.nurture.processes.CustomerRetention;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A quiet customer: at risk after 45 days (with a nudge, if they agreed to marketing), lapsed after 180. */
@Service
class ReEngagement {

    private final LifecycleService lifecycle;
    private final MarketingGate marketing;
    private final Recommendations recommendations;
    private final NotificationService notifications;
    private final EngagementLog log;

    ReEngagement(LifecycleService lifecycle, MarketingGate marketing, Recommendations recommendations,
            NotificationService notifications, EngagementLog log) {
        this.lifecycle = lifecycle;
        this.marketing = marketing;
        this.recommendations = recommendations;
        this.notifications = notifications;
        this.log = log;
    }

    @Transactional
    public void send(String customerId, BigDecimal holdoutShare, long jobKey) {
        lifecycle.moveTo(customerId, LifecycleStage.AT_RISK, "No purchase for 45 days");
        Optional<String> skip = marketing.reasonToSkip(customerId, CustomerRetention.PROCESS_ID, holdoutShare);
        if (skip.isPresent()) {
            log.record(customerId, null, "RE_ENGAGEMENT", EngagementStep.SKIPPED, skip.get(), stepKey(jobKey));
            return;
        }
        notifications.messageCustomer(customerId, null, "re-engagement", Category.MARKETING, stepKey(jobKey),
                Map.of("recommendations", recommendations.forCustomer(customerId)));
        log.record(customerId, null, "RE_ENGAGEMENT", EngagementStep.SENT, null, stepKey(jobKey));
    }

    @Transactional
    public void markLapsed(String customerId) {
        lifecycle.moveTo(customerId, LifecycleStage.LAPSED, "No purchase for 180 days");
    }
}
