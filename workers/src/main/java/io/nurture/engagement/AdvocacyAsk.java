package io.nurture.engagement;

import static io.nurture.engagement.EngagementLog.stepKey;

import io.nurture.customer.LifecycleService;
import io.nurture.customer.LifecycleStage;
import io.nurture.notification.Category;
import io.nurture.notification.NotificationService;
import io.nurture.referral.ReferralService;
import io.nurture.returns.ReturnService;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A promoter is an advocate now; the review and referral ask is marketing, so it needs consent. */
@Service
class AdvocacyAsk {

    private final LifecycleService lifecycle;
    private final ReferralService referrals;
    private final NotificationService notifications;
    private final EngagementLog log;
    private final ReturnService returns;

    AdvocacyAsk(
            LifecycleService lifecycle,
            ReferralService referrals,
            NotificationService notifications,
            EngagementLog log,
            ReturnService returns) {
        this.returns = returns;
        this.lifecycle = lifecycle;
        this.referrals = referrals;
        this.notifications = notifications;
        this.log = log;
    }

    @Transactional
    public void markAdvocate(String customerId) {
        lifecycle.moveTo(customerId, LifecycleStage.ADVOCATE, "Promoter score");
    }

    /**
     * The contact policy allowed it (the model asks it first). An order with a return open or
     * accepted, or a return's replacement, is no order to ask a review of: the ask is skipped, and
     * logged so.
     *
     * @param variant the customer's variant where the step runs an experiment, else null
     */
    @Transactional
    public void ask(String orderId, String customerId, MessageVariant variant, long jobKey) {
        Optional<String> noAsk = returns.whyNoAskFor(orderId);
        if (noAsk.isPresent()) {
            log.record(customerId, orderId, "ADVOCACY_ASK", EngagementStep.SKIPPED, noAsk.get(), stepKey(jobKey));
            return;
        }
        boolean written = notifications.messageCustomerOffering(
                customerId,
                orderId,
                MessageVariant.templateOf(variant, "advocacy-ask"),
                Category.MARKETING,
                stepKey(jobKey),
                () -> Map.of("referralCode", referrals.codeFor(customerId).getCode()));
        log.recordSend(written, customerId, orderId, "ADVOCACY_ASK", null, stepKey(jobKey));
    }
}
