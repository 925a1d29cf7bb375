package io.nurture.suppression;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nurture.customer.CustomerService;
import io.nurture.persistence.UtcColumns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The addresses no mail goes to: a hard bounce or a complaint suppresses an address at once,
 * soft bounces once {@code soft-bounce-limit} of them fell within {@code soft-bounce-window} (since
 * staff last lifted it). Each provider event counts once, however often the provider sends it.
 */
@Service
public class Suppressions {

    private final JdbcClient db;
    private final CustomerService customers;
    private final SuppressionProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    Suppressions(
            JdbcClient db,
            CustomerService customers,
            SuppressionProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.db = db;
        this.customers = customers;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        Gauge.builder("nurture.suppressions.active", this::active)
                .description("Addresses no mail goes to (bounced, complained)")
                .register(meters);
        // At zero from the start: a rate over a counter that appears with its first event misses that event.
        for (MailEventType type : MailEventType.values()) {
            for (String outcome : new String[] {"taken", "repeat"}) {
                eventsCounted(type, outcome);
            }
        }
    }

    private Counter eventsCounted(MailEventType type, String outcome) {
        return meters.counter("nurture.mail.events", "type", type.name(), "outcome", outcome);
    }

    /** @param repeats events taken before (the same provider and id): they changed nothing */
    public record Taken(int taken, int repeats) {}

    /** @param id the address's hash: staff lift the suppression by it without the address travelling */
    public record Suppression(String id, String customerId, SuppressionReason reason, Instant suppressedAt) {}

    @Transactional
    public Taken take(List<MailEvent> events) {
        int repeats = 0;
        for (MailEvent event : events) {
            String address = AddressHash.of(event.email());
            boolean first = recorded(event, address);
            eventsCounted(event.type(), first ? "taken" : "repeat").increment();
            if (first) {
                apply(event, address);
            } else {
                repeats++;
            }
        }
        return new Taken(events.size() - repeats, repeats);
    }

    /**
     * Whether a provider's signed token is used for the first time: a repeat is a replay of a
     * captured signature. Tokens older than a day are forgotten.
     */
    @Transactional
    public boolean firstUse(String provider, String token) {
        Instant now = clock.instant();
        db.sql("DELETE FROM webhook_tokens WHERE seen_at < :before LIMIT 100")
                .param("before", UtcColumns.utc(now.minus(Duration.ofDays(1))))
                .update();
        return db.sql("INSERT IGNORE INTO webhook_tokens (provider, token, seen_at) VALUES (:provider, :token, :now)")
                        .param("provider", provider)
                        .param("token", token)
                        .param("now", UtcColumns.utc(now))
                        .update()
                == 1;
    }

    /** Why no mail goes to this address, or empty when it may be mailed. */
    @Transactional(readOnly = true)
    public Optional<SuppressionReason> reasonFor(String email) {
        return db.sql("SELECT reason FROM suppressions WHERE address_hash = :address AND lifted_at IS NULL")
                .param("address", AddressHash.of(email))
                .query(String.class)
                .optional()
                .map(SuppressionReason::valueOf);
    }

    /** Those of the addresses that are suppressed now. */
    @Transactional(readOnly = true)
    public Set<String> suppressedAmong(Collection<String> emails) {
        Map<String, List<String>> byHash = emails.stream().distinct().collect(Collectors.groupingBy(AddressHash::of));
        if (byHash.isEmpty()) {
            return Set.of();
        }
        return db
                .sql("SELECT address_hash FROM suppressions WHERE address_hash IN (:hashes) AND lifted_at IS NULL")
                .param("hashes", byHash.keySet())
                .query(String.class)
                .list()
                .stream()
                .flatMap(hash -> byHash.get(hash).stream())
                .collect(Collectors.toSet());
    }

    /** The addresses suppressed now, newest first; with an address, only its suppression. */
    @Transactional(readOnly = true)
    public List<Suppression> active(Optional<String> email) {
        return db.sql("SELECT address_hash, customer_id, reason, suppressed_at FROM suppressions"
                        + " WHERE lifted_at IS NULL AND (:address IS NULL OR address_hash = :address)"
                        + " ORDER BY suppressed_at DESC, address_hash LIMIT 1000")
                .param("address", email.map(AddressHash::of).orElse(null))
                .query((rs, n) -> new Suppression(
                        rs.getString(1),
                        rs.getString(2),
                        SuppressionReason.valueOf(rs.getString(3)),
                        UtcColumns.instant(rs.getObject(4, LocalDateTime.class))))
                .list();
    }

    /** Mail may go to the address again; false when it was not suppressed. */
    @Transactional
    public boolean lift(String id, String liftedBy) {
        return db.sql("UPDATE suppressions SET lifted_at = :now, lifted_by = :by"
                                + " WHERE address_hash = :id AND lifted_at IS NULL")
                        .param("now", UtcColumns.utc(clock.instant()))
                        .param("by", liftedBy)
                        .param("id", id)
                        .update()
                == 1;
    }

    private boolean recorded(MailEvent event, String address) {
        return db.sql("INSERT IGNORE INTO mail_events"
                                + " (provider, event_id, type, address_hash, occurred_at, received_at)"
                                + " VALUES (:provider, :eventId, :type, :address, :occurredAt, :now)")
                        .param("provider", event.provider())
                        .param("eventId", event.eventId())
                        .param("type", event.type().name())
                        .param("address", address)
                        .param("occurredAt", UtcColumns.utc(event.occurredAt()))
                        .param("now", UtcColumns.utc(clock.instant()))
                        .update()
                == 1;
    }

    private void apply(MailEvent event, String address) {
        switch (event.type()) {
            case HARD_BOUNCE -> suppress(event, address, SuppressionReason.HARD_BOUNCE);
            case COMPLAINT -> suppress(event, address, SuppressionReason.COMPLAINT);
            case SOFT_BOUNCE -> {
                if (softBouncesSinceLifted(event, address) >= properties.softBounceLimit()) {
                    suppress(event, address, SuppressionReason.SOFT_BOUNCES);
                }
            }
        }
    }

    private long softBouncesSinceLifted(MailEvent event, String address) {
        return db.sql("SELECT COUNT(*) FROM mail_events e LEFT JOIN suppressions s ON s.address_hash = e.address_hash"
                        + " WHERE e.address_hash = :address AND e.type = 'SOFT_BOUNCE' AND e.occurred_at > :since"
                        + " AND (s.lifted_at IS NULL OR e.occurred_at > s.lifted_at)")
                .param("address", address)
                .param("since", UtcColumns.utc(event.occurredAt().minus(properties.softBounceWindow())))
                .query(Long.class)
                .single();
    }

    /** A suppression in force stays as it is; a lifted one is replaced (who lifted it goes with it). */
    private void suppress(MailEvent event, String address, SuppressionReason reason) {
        db.sql("INSERT INTO suppressions (address_hash, customer_id, reason, suppressed_at)"
                        + " VALUES (:address, :customerId, :reason, :at) ON DUPLICATE KEY UPDATE"
                        + " customer_id = IF(lifted_at IS NULL, customer_id, VALUES(customer_id)),"
                        + " reason = IF(lifted_at IS NULL, reason, VALUES(reason)),"
                        + " suppressed_at = IF(lifted_at IS NULL, suppressed_at, VALUES(suppressed_at)),"
                        + " lifted_by = IF(lifted_at IS NULL, lifted_by, NULL),"
                        + " lifted_at = NULL")
                .param("address", address)
                .param("customerId", customers.idOf(event.email()).orElse(null))
                .param("reason", reason.name())
                .param("at", UtcColumns.utc(clock.instant()))
                .update();
    }

    private long active() {
        return db.sql("SELECT COUNT(*) FROM suppressions WHERE lifted_at IS NULL")
                .query(Long.class)
                .single();
    }
}
