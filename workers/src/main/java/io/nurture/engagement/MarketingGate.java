package io.nurture.engagement;

import io.nurture.customer.Customer;
import io.nurture.customer.CustomerService;
import io.nurture.notification.NotificationService;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Marketing goes only to customers who consented, at most once per frequency-cap period, and not
 * to those a step holds out to measure its uplift (decided last, so both groups are customers the
 * message could have reached).
 */
@Component
class MarketingGate {

    static final String NO_CONSENT = "NO_MARKETING_CONSENT";
    static final String FREQUENCY_CAP = "FREQUENCY_CAP";
    static final String HOLDOUT = "HOLDOUT";

    private final CustomerService customers;
    private final NotificationService notifications;
    private final EngagementProperties properties;
    private final Holdouts holdouts;
    private final Clock clock;

    MarketingGate(CustomerService customers, NotificationService notifications, EngagementProperties properties,
            Holdouts holdouts, Clock clock) {
        this.customers = customers;
        this.notifications = notifications;
        this.properties = properties;
        this.holdouts = holdouts;
        this.clock = clock;
    }

    /** Why this journey's marketing message must not go to this customer now; empty when it may. */
    Optional<String> reasonToSkip(String customerId, String journey, BigDecimal holdoutShare) {
        Customer customer = customers.find(customerId).orElseThrow();
        if (!customer.hasMarketingConsent()) {
            return Optional.of(NO_CONSENT);
        }
        if (notifications.marketingSentSince(customer.getId(), clock.instant().minus(properties.marketingFrequencyCap())) > 0) {
            return Optional.of(FREQUENCY_CAP);
        }
        if (holdouts.heldOut(customerId, journey, holdoutShare)) {
            return Optional.of(HOLDOUT);
        }
        return Optional.empty();
    }
}
