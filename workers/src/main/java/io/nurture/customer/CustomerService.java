package io.nurture.customer;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Who the customers are and what they agreed to; their stages move through {@link LifecycleService}. */
@Service
public class CustomerService {

    private final CustomerRepository customers;
    private final StageTransitionRepository transitions;
    private final ApplicationEventPublisher events;
    private final Consents consents;
    private final Clock clock;

    CustomerService(
            CustomerRepository customers,
            StageTransitionRepository transitions,
            ApplicationEventPublisher events,
            Consents consents,
            Clock clock) {
        this.consents = consents;
        this.customers = customers;
        this.transitions = transitions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Journeys running on marketing end when consent goes: they hear of it in the same transaction,
     * once, when it changes (an order form saying "no" again is no news).
     */
    private void withdrawnIfSo(Customer customer, boolean consentBefore) {
        if (consentBefore && !customer.hasMarketingConsent()) {
            events.publishEvent(new MarketingConsentWithdrawn(customer.getId()));
        }
    }

    /** After an answer on marketing consent: recorded when it counts (news or a renewal), and the journeys told when consent went. */
    private void answered(
            Customer customer,
            boolean consentBefore,
            boolean counts,
            ConsentSource source,
            String wording,
            Instant at,
            String by) {
        if (counts) {
            consents.marketingChanged(customer.getId(), customer.hasMarketingConsent(), source, wording, at, by);
        }
        withdrawnIfSo(customer, consentBefore);
    }

    @Transactional(readOnly = true)
    public Optional<Customer> find(String customerId) {
        return customers.findById(customerId);
    }

    /** Ids of customers not erased who were registered before the cutoff, in id order after {@code after}. */
    @Transactional(readOnly = true)
    public List<String> notErasedRegisteredBefore(Instant cutoff, String after, int limit) {
        return customers.notErasedRegisteredBefore(cutoff, after, Limit.of(limit));
    }

    /**
     * The customer, locked until the transaction ends, for their erasure or a message to them: an
     * unsubscribe or erasure in flight commits first, and what the caller reads is what holds.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Customer> lock(String customerId) {
        return customers.findForUpdate(customerId);
    }

    /**
     * Strips the locked customer of what identifies them, then lets every capability that holds some
     * of their data remove its own, in this transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CustomerErased erase(Customer customer, List<String> orderIds) {
        // As the database keeps it: the erasure answered now and the one read back later agree.
        CustomerErased erased =
                new CustomerErased(customer.getId(), orderIds, clock.instant().truncatedTo(ChronoUnit.MICROS));
        customer.erase(erased.at());
        erased.counted("customers", 1);
        events.publishEvent(erased);
        return erased;
    }

    /** Those of the customers who may not get mail that needs consent now ({@link Customer#canGetMarketing}). */
    @Transactional(readOnly = true)
    public Set<String> withoutMarketingConsent(Collection<String> customerIds) {
        return customerIds.isEmpty() ? Set.of() : Set.copyOf(customers.withoutMarketingConsent(customerIds));
    }

    /** The customer with this e-mail address, if Nurture knows one; an erased one keeps no address. */
    @Transactional(readOnly = true)
    public Optional<Customer> byEmail(String email) {
        return customers.findByEmail(email.trim()).filter(customer -> !customer.isErased());
    }

    /** The id of the customer with this e-mail address, if Nurture knows one. */
    @Transactional(readOnly = true)
    public Optional<String> idOf(String email) {
        return byEmail(email).map(Customer::getId);
    }

    /** The customer with this e-mail address, locked until the transaction ends, or registered now if they are new. */
    @Transactional
    public Customer findOrRegister(String email, String name) {
        return registeredIfNew(findOrNew(email, name)).customer();
    }

    /** The customer placing an order, locked for it; {@code registeredNow} when this order made them known. */
    public record Orderer(Customer customer, boolean registeredNow) {}

    /**
     * The customer of an order form, found and locked or registered, with the time zone the form
     * gave, else one assumed from the shipping country when none is known. A new customer is saved
     * once that is set: Hibernate inserts the state an entity has when it is saved, and would update
     * the row for what changed after.
     */
    @Transactional
    public Orderer findOrRegisterOrderer(String email, String name, Optional<ZoneId> timeZone, String shippingCountry) {
        Orderer orderer = findOrNew(email, name);
        timeZone.ifPresent(orderer.customer()::setTimeZone);
        orderer.customer().assumeTimeZoneOf(shippingCountry);
        return registeredIfNew(orderer);
    }

    private Orderer findOrNew(String email, String name) {
        Optional<Customer> known = customers.findForUpdateByEmail(email);
        Customer customer = known.orElseGet(() -> new Customer(email, name, clock.instant()));
        customer.nameIfUnknown(name);
        return new Orderer(customer, known.isEmpty());
    }

    private Orderer registeredIfNew(Orderer orderer) {
        if (orderer.registeredNow()) {
            customers.save(orderer.customer());
        }
        return orderer;
    }

    /** The marketing consent an order form asked for, if it did; the customer is locked for the order. */
    @Transactional
    public void takeConsentFromOrderForm(Customer lockedCustomer, Boolean marketingConsent) {
        if (marketingConsent != null) {
            boolean before = lockedCustomer.hasMarketingConsent();
            Instant now = clock.instant();
            boolean news = lockedCustomer.setMarketingConsent(marketingConsent, now);
            answered(lockedCustomer, before, news, ConsentSource.ORDER_FORM, Consents.ORDER_FORM_WORDING, now, null);
        }
    }

    /** The customer, locked for the order, came through another customer's referral code. */
    @Transactional
    public void referredBy(Customer lockedCustomer, String referrerId) {
        lockedCustomer.referredBy(referrerId);
    }

    /**
     * What staff set for the customer on their request: consent, the topics they keep or leave, and
     * the time zone when given; recorded with the staff client.
     */
    @Transactional
    public Optional<Customer> setPreferences(
            String customerId, boolean consent, Map<ConsentTopic, Boolean> topics, ZoneId timeZone, String staff) {
        return customers.findForUpdate(customerId).map(customer -> {
            Instant now = clock.instant();
            boolean before = customer.hasMarketingConsent();
            boolean news = customer.setMarketingConsent(consent, now);
            answered(customer, before, news, ConsentSource.STAFF, Consents.STAFF_WORDING, now, staff);
            topics.forEach(
                    (topic, keep) -> consents.setTopic(customerId, topic, keep, ConsentSource.STAFF, now, staff));
            if (timeZone != null) {
                customer.setTimeZone(timeZone);
            }
            return customer;
        });
    }

    /**
     * A person from the shop's earlier system, in the import's transaction: registered, with their
     * answer there, when Nurture does not know them; for a known one, the answer there is taken when
     * it is newer than their latest here (a change of consent, or an unsubscribe that changed
     * nothing because consent was already off). An answer taken is recorded as an import. The time
     * zone of a known customer stays theirs: they set it here, or their orders did.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Imported takeImported(ImportedPerson person, String staff) {
        Customer known = customers.findForUpdateByEmail(person.email()).orElse(null);
        if (known == null) {
            return new Imported(register(person, staff).getId(), Imported.Outcome.REGISTERED);
        }
        if (known.isErased()) {
            // Only an address naming the erased customer's id finds them: nobody's answer to take.
            return new Imported(known.getId(), Imported.Outcome.UNCHANGED);
        }
        known.nameIfUnknown(person.name());
        if (known.lastAnsweredAt()
                .filter(here -> !person.consentedAt().isAfter(here))
                .isPresent()) {
            return new Imported(known.getId(), Imported.Outcome.UNCHANGED);
        }
        boolean taken = takeAnswer(known, person, staff);
        return new Imported(known.getId(), taken ? Imported.Outcome.CONSENT_TAKEN : Imported.Outcome.UNCHANGED);
    }

    /** Saved once everything is set: Hibernate inserts the state an entity has when it is saved. */
    private Customer register(ImportedPerson person, String staff) {
        Customer customer = new Customer(person.email(), person.name(), clock.instant());
        if (person.timeZone() != null) {
            customer.setTimeZone(person.timeZone());
        }
        takeAnswer(customer, person, staff);
        return customers.save(customer);
    }

    private boolean takeAnswer(Customer customer, ImportedPerson person, String staff) {
        boolean before = customer.hasMarketingConsent();
        boolean counts = person.marketingConsent()
                ? customer.confirmMarketingConsent(person.consentedAt())
                : customer.setMarketingConsent(false, person.consentedAt());
        answered(customer, before, counts, ConsentSource.IMPORT, person.wording(), person.consentedAt(), staff);
        return counts;
    }

    /**
     * The customer behind an unsubscribe or preferences link, with their consent set as they asked
     * on the link (one click) or the page, which showed them the wording, and the topics they keep
     * and leave when the page showed them, in one transaction. Takes effect for every running
     * journey at once: marketing asks for consent when it is about to be sent.
     */
    @Transactional
    public Optional<Customer> setMarketingConsentByLink(
            String unsubscribeToken,
            boolean consent,
            ConsentSource source,
            String wording,
            Map<ConsentTopic, Boolean> topics) {
        return customers.findForUpdateByUnsubscribeToken(unsubscribeToken).map(customer -> {
            Instant now = clock.instant();
            boolean before = customer.hasMarketingConsent();
            boolean news = consent ? customer.setMarketingConsent(true, now) : customer.unsubscribe(now);
            answered(customer, before, news, source, wording, now, null);
            topics.forEach((topic, keep) -> consents.setTopic(customer.getId(), topic, keep, source, now, null));
            return customer;
        });
    }

    @Transactional(readOnly = true)
    public Optional<Customer> byLink(String unsubscribeToken) {
        return customers.findByUnsubscribeToken(unsubscribeToken);
    }

    /** The token of the customer's unsubscribe and preferences links, made with their first marketing mail. */
    @Transactional
    public String unsubscribeToken(Customer customer) {
        return customers.findForUpdate(customer.getId()).orElseThrow().unsubscribeToken();
    }

    /** The customer's stage changes, oldest first. */
    @Transactional(readOnly = true)
    public List<StageTransition> stagesOf(String customerId) {
        return transitions.findByCustomerIdOrderByAtAscIdAsc(customerId);
    }
}
