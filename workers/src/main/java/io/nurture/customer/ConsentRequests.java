package io.nurture.customer;

import io.nurture.orchestration.ProcessMessages;
import io.nurture.persistence.Codes;
import io.nurture.persistence.UtcColumns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Double opt-in. A sign-up with consent does not give consent yet: it asks the person to confirm
 * by a link, and the welcome series waits for that. Each request keeps its time, source and the
 * wording the person confirmed: the proof of consent.
 */
@Service
public class ConsentRequests {

    /** What the confirmation page asks the person to agree to; stored with each confirmation. */
    public static final String WORDING = "Yes, send me offers and news by e-mail. I can unsubscribe at any time.";

    private static final Duration CONFIRMATION_WINDOW = Duration.ofDays(7);

    private final JdbcClient db;
    private final CustomerRepository customers;
    private final ProcessMessages messages;
    private final Consents consents;
    private final Clock clock;

    ConsentRequests(
            JdbcClient db, CustomerRepository customers, ProcessMessages messages, Consents consents, Clock clock) {
        this.consents = consents;
        this.db = db;
        this.customers = customers;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The person signed up asking for marketing: unless they gave consent before or an unconfirmed
     * request of theirs is younger than the confirmation window, a request is made and their
     * welcome series starts (its first step mails the link).
     */
    @Transactional
    public void signedUp(String customerId, String source) {
        Customer customer = customers.findForUpdate(customerId).orElseThrow();
        if (customer.hasMarketingConsent() || askedWithinTheWindow(customerId)) {
            return;
        }
        db.sql("""
                        INSERT INTO consent_requests (token, customer_id, source, wording, requested_at)
                        VALUES (:token, :customerId, :source, :wording, :now)
                        """)
                .param("token", Codes.token())
                .param("customerId", customerId)
                .param("source", source)
                .param("wording", WORDING)
                .param("now", UtcColumns.utc(clock.instant()))
                .update();
        messages.signedUp(customerId);
    }

    /**
     * A request older than the series waits for a confirmation ("Not confirmed in 7 days" in
     * welcome-series.bpmn) has no series behind it: a new sign-up asks again. Its link still
     * confirms, since consent is the person's own act; only the series does not run.
     */
    private boolean askedWithinTheWindow(String customerId) {
        return db.sql("""
                                SELECT COUNT(*) FROM consent_requests
                                WHERE customer_id = :customerId AND confirmed_at IS NULL AND requested_at > :since
                                """)
                        .param("customerId", customerId)
                        .param("since", UtcColumns.utc(clock.instant().minus(CONFIRMATION_WINDOW)))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The link of the person's request that waits for confirmation. */
    @Transactional(readOnly = true)
    public Optional<String> pendingTokenOf(String customerId) {
        return db.sql("""
                        SELECT token FROM consent_requests WHERE customer_id = :customerId AND confirmed_at IS NULL
                        ORDER BY requested_at DESC LIMIT 1
                        """).param("customerId", customerId).query(String.class).optional();
    }

    /** A request for consent as the person saw it, and whether and when they confirmed it. */
    public record Consent(String source, String wording, Instant requestedAt, Instant confirmedAt) {}

    /** Every request for consent the person got, oldest first. */
    @Transactional(readOnly = true)
    public List<Consent> of(String customerId) {
        return db.sql("SELECT source, wording, requested_at, confirmed_at FROM consent_requests"
                        + " WHERE customer_id = :customerId ORDER BY requested_at")
                .param("customerId", customerId)
                .query((rs, n) -> new Consent(
                        rs.getString(1),
                        rs.getString(2),
                        UtcColumns.instant(rs.getObject(3, LocalDateTime.class)),
                        UtcColumns.instant(rs.getObject(4, LocalDateTime.class))))
                .list();
    }

    /** Whether the customer ever signed up asking for marketing: only they can have a welcome series. */
    @Transactional(readOnly = true)
    public boolean askedBy(String customerId) {
        return db.sql("SELECT COUNT(*) FROM consent_requests WHERE customer_id = :customerId")
                        .param("customerId", customerId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Whether the link is one Nurture sent (confirmed or not). */
    @Transactional(readOnly = true)
    public boolean known(String token) {
        return db.sql("SELECT COUNT(*) FROM consent_requests WHERE token = :token")
                        .param("token", token)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * The person confirmed: consent holds from now on, and the welcome series goes on. Confirming
     * again changes nothing.
     *
     * @return false for a link Nurture never sent, or one of a customer erased since (confirmed, it
     *     would give the erased record consent again)
     */
    @Transactional
    public boolean confirm(String token) {
        Optional<Request> request = db.sql(
                        "SELECT customer_id, confirmed_at, wording FROM consent_requests WHERE token = :token FOR UPDATE")
                .param("token", token)
                .query((rs, i) -> new Request(
                        rs.getString("customer_id"), rs.getObject("confirmed_at") != null, rs.getString("wording")))
                .optional();
        if (request.isEmpty()) {
            return false;
        }
        Customer customer = customers.findForUpdate(request.get().customerId()).orElseThrow();
        if (customer.isErased()) {
            return false;
        }
        if (!request.get().confirmed()) {
            Instant now = clock.instant();
            db.sql("UPDATE consent_requests SET confirmed_at = :now WHERE token = :token")
                    .param("now", UtcColumns.utc(now))
                    .param("token", token)
                    .update();
            if (customer.confirmMarketingConsent(now)) {
                consents.marketingChanged(
                        request.get().customerId(),
                        true,
                        ConsentSource.SIGN_UP,
                        request.get().wording(),
                        now,
                        null);
            }
            messages.signUpConfirmed(request.get().customerId());
        }
        return true;
    }

    private record Request(String customerId, boolean confirmed, String wording) {}
}
