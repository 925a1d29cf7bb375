package io.nurture.engagement;

import io.nurture.customer.ConsentTopic;
import io.nurture.customer.Consents;
import io.nurture.customer.Customer;
import io.nurture.customer.CustomerService;
import io.nurture.notification.Category;
import io.nurture.notification.NotificationService;
import io.nurture.suppression.Suppressions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up what the contact policy needs to know about a customer, at the moment a message falls due. */
@Service
class ContactPolicyFacts {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final CustomerService customers;
    private final NotificationService notifications;
    private final Holdouts holdouts;
    private final MessageVariants variants;
    private final Suppressions suppressions;
    private final Consents consents;
    private final Clock clock;

    ContactPolicyFacts(
            CustomerService customers,
            NotificationService notifications,
            Holdouts holdouts,
            MessageVariants variants,
            Suppressions suppressions,
            Consents consents,
            Clock clock) {
        this.suppressions = suppressions;
        this.consents = consents;
        this.customers = customers;
        this.notifications = notifications;
        this.holdouts = holdouts;
        this.variants = variants;
        this.clock = clock;
    }

    /**
     * The message step the policy is asked about, as the journey's call passes it.
     *
     * @param topic    the consent topic the model gives a marketing or triggered step; null for transactional ones
     * @param variants the step's experiment, null where it runs none
     */
    public record Step(
            String journey,
            String journeyStep,
            BigDecimal holdoutShare,
            ConsentTopic topic,
            List<MessageVariant> variants) {}

    /**
     * A customer's holdout place is stored with their first marketing step, so transactional messages
     * take none; their variant of a step that runs an experiment, with the first look at that step.
     */
    @Transactional
    public ContactFacts of(String customerId, Category category, Step step, Duration capPeriod) {
        Customer customer = customers.find(customerId).orElseThrow();
        Instant now = clock.instant();
        boolean optIn = category.needsConsent();
        MessageVariant variant = step.variants() == null
                ? null
                : variants.assign(customerId, step.journey(), step.journeyStep(), step.variants());
        return new ContactFacts(
                suppressions.reasonFor(customer.getEmail()).isPresent(),
                customer.isUnsubscribed(),
                customer.hasMarketingConsent(),
                step.topic() == null || consents.topicsOf(customerId).get(step.topic()),
                notifications.marketingSentSince(customerId, now.minus(capPeriod)),
                LocalTime.ofInstant(now, customer.getTimeZone()).format(LOCAL_TIME),
                optIn && holdouts.heldOut(customerId, step.journey(), step.holdoutShare()),
                variant);
    }
}
