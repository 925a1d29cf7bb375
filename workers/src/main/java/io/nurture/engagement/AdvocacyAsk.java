package io.nurture.engagement;

import static io.nurture.engagement.EngagementLog.stepKey;

import io.nurture.customer.LifecycleService;
import io.nurture.customer.LifecycleStage;
import io.nurture.notification.Category;
import io.nurture.notification.NotificationService;
import io.nurture.processes.PostPurchase;
import io.nurture.referral.ReferralService;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A promoter is an advocate now; the review and referral ask is marketing, so it needs consent. */
@Service
class AdvocacyAsk {

    private final LifecycleService lifecycle;
    private final MarketingGate marketing;
    private final ReferralService referrals;
    private final NotificationService notifications;
    private final EngagementLog log;

    AdvocacyAsk(LifecycleService lifecycle, MarketingGate marketing, ReferralService referrals,
            NotificationService notifications, EngagementLog log) {
        this.lifecycle = lifecycle;
        this.marketing = marketing;
        this.referrals = referrals;
        this.notifications = notifications;
        this.log = log;
    }

    @Transactional
    public void ask(String orderId, String customerId, BigDecimal holdoutShare, long jobKey) {
        lifecycle.moveTo(customerId, LifecycleStage.ADVOCATE, "Promoter score");
        Optional<String> skip = marketing.reasonToSkip(customerId, PostPurchase.PROCESS_ID, holdoutShare);
        if (skip.isPresent()) {
            log.record(customerId, orderId, "ADVOCACY_ASK", EngagementStep.SKIPPED, skip.get(), stepKey(jobKey));
            return;
        }
        notifications.messageCustomer(customerId, orderId, "advocacy-ask", Category.MARKETING, stepKey(jobKey),
                Map.of("referralCode", referrals.codeFor(customerId).getCode()));
        log.record(customerId, orderId, "ADVOCACY_ASK", EngagementStep.SENT, null, stepKey(jobKey));
    }
}
