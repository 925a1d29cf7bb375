package io.nurture.engagement;

import io.nurture.customer.Customer;
import io.nurture.customer.CustomerService;
import io.nurture.notification.Category;
import io.nurture.notification.NotificationService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up what the contact policy needs to know about a customer, at the moment a message falls due. */
@Service
class ContactPolicyFacts {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final CustomerService customers;
    private final NotificationService notifications;
    private final Holdouts holdouts;
    private final Clock clock;

    ContactPolicyFacts(CustomerService customers, NotificationService notifications, Holdouts holdouts, Clock clock) {
        this.customers = customers;
        this.notifications = notifications;
        this.holdouts = holdouts;
        this.clock = clock;
    }

    /** A customer's holdout place is stored with their first marketing step, so transactional messages take none. */
    @Transactional
    public ContactFacts of(
            String customerId, Category category, String journey, BigDecimal holdoutShare, Duration capPeriod) {
        Customer customer = customers.find(customerId).orElseThrow();
        Instant now = clock.instant();
        boolean optIn = category.needsConsent();
        return new ContactFacts(
                customer.isUnsubscribed(),
                customer.hasMarketingConsent(),
                notifications.marketingSentSince(customerId, now.minus(capPeriod)),
                LocalTime.ofInstant(now, customer.getTimeZone()).format(LOCAL_TIME),
                optIn && holdouts.heldOut(customerId, journey, holdoutShare));
    }
}
