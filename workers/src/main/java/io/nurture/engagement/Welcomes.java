package io.nurture.engagement;

import static io.nurture.engagement.EngagementLog.stepKey;

import io.nurture.customer.ConsentRequests;
import io.nurture.notification.Category;
import io.nurture.notification.NotificationProperties;
import io.nurture.notification.NotificationService;
import io.nurture.reporting.Recommendations;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The welcome series' steps: the confirmation link, the welcome, the best sellers. */
@Service
class Welcomes {

    private final ConsentRequests consentRequests;
    private final NotificationService notifications;
    private final Recommendations recommendations;
    private final EngagementLog log;
    private final String publicBaseUrl;

    Welcomes(
            ConsentRequests consentRequests,
            NotificationService notifications,
            Recommendations recommendations,
            EngagementLog log,
            NotificationProperties mail) {
        this.consentRequests = consentRequests;
        this.notifications = notifications;
        this.recommendations = recommendations;
        this.log = log;
        this.publicBaseUrl = mail.publicBaseUrl();
    }

    /** The person asked for it: a transactional mail, sent whatever their consent says now. */
    @Transactional
    void askToConfirm(String customerId, long jobKey) {
        consentRequests
                .pendingTokenOf(customerId)
                .ifPresent(token -> notifications.messageCustomer(
                        customerId,
                        null,
                        "sign-up-confirmation",
                        Category.TRANSACTIONAL,
                        stepKey(jobKey),
                        Map.of("confirmUrl", publicBaseUrl + "/consent/" + token)));
    }

    /**
     * The contact policy allowed it (the model asks it first).
     *
     * @param variant the customer's variant where the step runs an experiment, else null
     */
    @Transactional
    void welcome(String customerId, MessageVariant variant, long jobKey) {
        String template = MessageVariant.templateOf(variant, "welcome");
        boolean written = notifications.messageCustomer(
                customerId, null, template, Category.TRIGGERED, stepKey(jobKey), Map.of());
        log.recordSend(written, customerId, null, "WELCOME", null, stepKey(jobKey));
    }

    /**
     * The contact policy allowed it (the model asks it first).
     *
     * @param variant the customer's variant where the step runs an experiment, else null
     */
    @Transactional
    void bestSellers(String customerId, MessageVariant variant, long jobKey) {
        boolean written = notifications.messageCustomer(
                customerId,
                null,
                MessageVariant.templateOf(variant, "best-sellers"),
                Category.TRIGGERED,
                stepKey(jobKey),
                Map.of("products", recommendations.forCustomer(customerId)));
        log.recordSend(written, customerId, null, "BEST_SELLERS", null, stepKey(jobKey));
    }
}
