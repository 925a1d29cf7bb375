package io.nurture.engagement;

import static io.nurture.engagement.EngagementLog.stepKey;

import io.nurture.customer.LifecycleService;
import io.nurture.customer.LifecycleStage;
import io.nurture.notification.Category;
import io.nurture.notification.NotificationService;
import io.nurture.referral.ReferralService;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A promoter is an advocate now; the review and referral ask is marketing, so it needs consent. */
@Service
class AdvocacyAsk {

    private final LifecycleService lifecycle;
    private final ReferralService referrals;
    private final NotificationService notifications;
    private final EngagementLog log;

    AdvocacyAsk(
            LifecycleService lifecycle,
            ReferralService referrals,
            NotificationService notifications,
            EngagementLog log) {
        this.lifecycle = lifecycle;
        this.referrals = referrals;
        this.notifications = notifications;
        this.log = log;
    }

    @Transactional
    public void markAdvocate(String customerId) {
        lifecycle.moveTo(customerId, LifecycleStage.ADVOCATE, "Promoter score");
    }

    /** The contact policy allowed it (the model asks it first). */
    @Transactional
    public void ask(String orderId, String customerId, long jobKey) {
        notifications.messageCustomer(
                customerId,
                orderId,
                "advocacy-ask",
                Category.MARKETING,
                stepKey(jobKey),
                Map.of("referralCode", referrals.codeFor(customerId).getCode()));
        log.record(customerId, orderId, "ADVOCACY_ASK", EngagementStep.SENT, null, stepKey(jobKey));
    }
}
