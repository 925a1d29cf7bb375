package io.nurture.shopevent;

import io.nurture.customer.ConsentRequests;
import io.nurture.customer.Customer;
import io.nurture.customer.CustomerService;
import io.nurture.inventory.InventoryService;
import io.nurture.orchestration.ProcessMessages;
import io.nurture.persistence.RaceRetries;
import io.nurture.persistence.UtcColumns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a batch of shop events: checks every event first, then stores the batch in one
 * transaction, so a refused batch leaves nothing behind. A repeated event id is accepted and
 * changes nothing.
 */
@Service
public class ShopEvents {

    private final JdbcClient db;
    private final CustomerService customers;
    private final InventoryService inventory;
    private final Visitors visitors;
    private final Carts carts;
    private final ConsentRequests consentRequests;
    private final ProcessMessages messages;
    private final Browsing browsing;
    private final Clock clock;
    private final RaceRetries transaction;

    ShopEvents(
            JdbcClient db,
            CustomerService customers,
            InventoryService inventory,
            Visitors visitors,
            Carts carts,
            ConsentRequests consentRequests,
            ProcessMessages messages,
            Browsing browsing,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.consentRequests = consentRequests;
        this.messages = messages;
        this.browsing = browsing;
        this.db = db;
        this.customers = customers;
        this.inventory = inventory;
        this.visitors = visitors;
        this.carts = carts;
        this.clock = clock;
        this.transaction = new RaceRetries(transactions);
    }

    /** @param taken how many events were new; the rest had been taken before */
    public record Outcome(int taken, int repeats) {}

    /**
     * A batch that registers a person another request registered first (the same new address
     * committed meanwhile) rolls back whole and is taken again, now finding them known.
     */
    public Outcome record(List<ShopEvent> events) {
        check(events);
        return transaction.run(() -> recordAll(events));
    }

    private Outcome recordAll(List<ShopEvent> events) {
        int taken = 0;
        for (ShopEvent event : events) {
            if (take(event)) {
                taken++;
            }
        }
        return new Outcome(taken, events.size() - taken);
    }

    /**
     * The customer placed an order: the anonymous id the order carried (if any) becomes theirs,
     * their carts whose checkout began are converted, and a first order ends their welcome series.
     * {@code registeredNow}: the order itself made the customer known, in this transaction.
     */
    @Transactional
    public void ordered(String customerId, String anonymousId, boolean firstOrder, boolean registeredNow) {
        if (anonymousId != null) {
            visitors.identify(anonymousId, customerId);
        }
        // A customer the order itself registers has carts only through the visitor just identified,
        // and never signed up: two queries fewer on the intake path.
        if (!registeredNow || anonymousId != null) {
            carts.ordered(customerId);
        }
        // Only a customer who signed up can have a welcome series: other orders cost the engine nothing more.
        if (firstOrder && !registeredNow && consentRequests.askedBy(customerId)) {
            messages.firstOrderPlaced(customerId);
        }
    }

    private boolean take(ShopEvent event) {
        Optional<String> customerId = whoIs(event.person());
        try {
            db.sql("""
                        INSERT INTO shop_events
                          (event_id, type, occurred_at, received_at, customer_id, anonymous_id, cart_id, sku)
                        VALUES (:id, :type, :occurredAt, :now, :customerId, :anonymousId, :cartId, :sku)
                        """)
                    .param("id", event.eventId())
                    .param("type", event.type().name())
                    .param("occurredAt", UtcColumns.utc(event.occurredAt()))
                    .param("now", UtcColumns.utc(clock.instant()))
                    .param("customerId", customerId.orElse(null))
                    .param("anonymousId", event.person().anonymousId())
                    .param("cartId", event.cart() == null ? null : event.cart().cartId())
                    .param("sku", event.sku())
                    .update();
        } catch (DuplicateKeyException sentBefore) {
            return false;
        }

        if (event.cart() != null) {
            carts.apply(event, customerId);
        }
        customerId.ifPresent(known -> browsed(event, known));
        if (event.type() == ShopEventType.SIGNED_UP
                && Boolean.TRUE.equals(event.person().marketingConsent())) {
            consentRequests.signedUp(customerId.orElseThrow(), "SIGN_UP");
        }
        return true;
    }

    private void browsed(ShopEvent event, String customerId) {
        if (event.type() == ShopEventType.PRODUCT_VIEWED) {
            browsing.viewed(customerId, event.sku(), event.occurredAt());
        } else if (event.cart() != null && !event.cart().lines().isEmpty()) {
            browsing.cartFilled(customerId);
        }
    }

    /** The customer behind the person, registered (stage PROSPECT) the first time the shop names their e-mail. */
    private Optional<String> whoIs(ShopEvent.Person person) {
        if (person.email() == null) {
            return visitors.seen(person.anonymousId());
        }
        Customer customer = customers.findOrRegister(person.email(), person.name() == null ? "" : person.name());
        if (person.anonymousId() != null) {
            visitors.identify(person.anonymousId(), customer.getId());
            carts.startWaitingJourneys(customer.getId());
        }
        return Optional.of(customer.getId());
    }

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private void check(List<ShopEvent> events) {
        Set<String> known = inventory.products(skus(events)).keySet();
        for (int i = 0; i < events.size(); i++) {
            check(events.get(i), "events[" + i + "].", known);
        }
    }

    private void check(ShopEvent event, String at, Set<String> known) {
        if (event.person().email() == null && event.person().anonymousId() == null) {
            throw new InvalidEventException(at + "person", "needs an email or an anonymousId");
        }
        // Blank would be one person for every event that leaves it empty.
        refuseBlank(event.person().email(), at + "person.email");
        refuseBlank(event.person().anonymousId(), at + "person.anonymousId");
        if (event.cart() != null
                && event.type() != ShopEventType.CART_UPDATED
                && event.type() != ShopEventType.CHECKOUT_STARTED) {
            throw new InvalidEventException(at + "cart", "is taken with CART_UPDATED and CHECKOUT_STARTED only");
        }
        if (event.sku() != null && event.type() != ShopEventType.PRODUCT_VIEWED) {
            throw new InvalidEventException(at + "sku", "is taken with PRODUCT_VIEWED only");
        }
        // A time ahead of ours would outrank every later update of its cart and postpone its reminders.
        if (event.occurredAt().isAfter(clock.instant().plus(CLOCK_SKEW))
                || event.occurredAt().isBefore(EARLIEST)) {
            throw new InvalidEventException(at + "occurredAt", "must be a time that has passed (after 2000)");
        }
        if (event.person().marketingConsent() != null && event.type() != ShopEventType.SIGNED_UP) {
            throw new InvalidEventException(at + "person.marketingConsent", "is taken with SIGNED_UP only");
        }
        switch (event.type()) {
            case PRODUCT_VIEWED -> {
                if (event.sku() == null) {
                    throw new InvalidEventException(at + "sku", "is required for " + event.type());
                }
                if (!known.contains(event.sku())) {
                    throw new InvalidEventException(at + "sku", "is not a product of the shop");
                }
            }
            case CART_UPDATED, CHECKOUT_STARTED -> checkCart(event, at, known);
            case SIGNED_UP -> {
                if (event.person().email() == null) {
                    throw new InvalidEventException(at + "person.email", "is required for " + event.type());
                }
            }
        }
    }

    private static void refuseBlank(String value, String field) {
        if (value != null && value.isBlank()) {
            throw new InvalidEventException(field, "must not be blank");
        }
    }

    private static void checkCart(ShopEvent event, String at, Set<String> known) {
        if (event.cart() == null) {
            throw new InvalidEventException(at + "cart", "is required for " + event.type());
        }
        List<ShopEvent.Line> lines = event.cart().lines();
        for (int j = 0; j < lines.size(); j++) {
            if (!known.contains(lines.get(j).sku())) {
                throw new InvalidEventException(at + "cart.lines[" + j + "].sku", "is not a product of the shop");
            }
        }
        if (event.type() == ShopEventType.CHECKOUT_STARTED && lines.isEmpty()) {
            throw new InvalidEventException(at + "cart.lines", "must not be empty at a checkout");
        }
    }

    private static List<String> skus(List<ShopEvent> events) {
        return events.stream()
                .flatMap(event -> Stream.concat(
                        Stream.ofNullable(event.sku()),
                        event.cart() == null
                                ? Stream.empty()
                                : event.cart().lines().stream().map(ShopEvent.Line::sku)))
                .distinct()
                .collect(Collectors.toList());
    }

    /** An event as staff read it on the customer's history. */
    public record Seen(String eventId, ShopEventType type, Instant occurredAt, String cartId, String sku) {}

    /** A customer's latest events, newest first: what they looked at and put in carts. */
    @Transactional(readOnly = true)
    public List<Seen> latestOf(String customerId, int most) {
        return db.sql("""
                        SELECT event_id, type, occurred_at, cart_id, sku FROM shop_events
                        WHERE customer_id = :customerId ORDER BY occurred_at DESC LIMIT :most
                        """)
                .param("customerId", customerId)
                .param("most", most)
                .query((rs, row) -> new Seen(
                        rs.getString("event_id"),
                        ShopEventType.valueOf(rs.getString("type")),
                        UtcColumns.instant(rs.getObject("occurred_at", LocalDateTime.class)),
                        rs.getString("cart_id"),
                        rs.getString("sku")))
                .list();
    }
}
