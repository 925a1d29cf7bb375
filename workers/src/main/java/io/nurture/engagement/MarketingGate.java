package io.nurture.engagement;

import io.nurture.customer.Customer;
import io.nurture.customer.CustomerService;
import io.nurture.notification.NotificationService;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Marketing goes only to customers who consented, and at most once per frequency-cap period. */
@Component
class MarketingGate {

    static final String NO_CONSENT = "NO_MARKETING_CONSENT";
    static final String FREQUENCY_CAP = "FREQUENCY_CAP";

    private final CustomerService customers;
    private final NotificationService notifications;
    private final EngagementProperties properties;
    private final Clock clock;

    MarketingGate(CustomerService customers, NotificationService notifications, EngagementProperties properties,
            Clock clock) {
        this.customers = customers;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    /** Why a marketing message must not go to this customer now; empty when it may. */
    Optional<String> reasonToSkip(String customerId) {
        Customer customer = customers.find(customerId).orElseThrow();
        if (!customer.hasMarketingConsent()) {
            return Optional.of(NO_CONSENT);
        }
        if (notifications.marketingSentSince(customer.getId(), clock.instant().minus(properties.marketingFrequencyCap())) > 0) {
            return Optional.of(FREQUENCY_CAP);
        }
        return Optional.empty();
    }
}
