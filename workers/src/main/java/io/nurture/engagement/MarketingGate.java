package io.nurture.engagement;

import io.nurture.customer.Customer;
import io.nurture.notification.NotificationService;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Marketing goes only to customers who consented, and at most once per frequency-cap period. */
@Component
class MarketingGate {

    static final String NO_CONSENT = "NO_MARKETING_CONSENT";
    static final String FREQUENCY_CAP = "FREQUENCY_CAP";

    private final NotificationService notifications;
    private final EngagementProperties properties;
    private final Clock clock;

    MarketingGate(NotificationService notifications, EngagementProperties properties, Clock clock) {
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    /** Why a marketing message must not go to this customer now; empty when it may. */
    Optional<String> reasonToSkip(Customer customer) {
        if (!customer.hasMarketingConsent()) {
            return Optional.of(NO_CONSENT);
        }
        if (notifications.marketingSentSince(customer.getId(), clock.instant().minus(properties.marketingFrequencyCap())) > 0) {
            return Optional.of(FREQUENCY_CAP);
        }
        return Optional.empty();
    }
}
