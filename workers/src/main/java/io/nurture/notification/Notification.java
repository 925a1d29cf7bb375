package io.nurture.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * The log of every message sent, and the mail outbox: a row is written, rendered and addressed, in
 * the transaction of the step that sends it, and {@link MailDispatcher} hands it to the mail
 * server afterwards. Its unique key is what makes sending idempotent.
 */
@Entity
@Table(name = "notifications")
public class Notification {

    public static final String EMAIL = "EMAIL";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id")
    private String customerId;

    @Column(name = "order_id")
    private String orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Audience audience;

    @Column(nullable = false)
    private String channel;

    @Column(nullable = false)
    private String template;

    @Column(nullable = false)
    private String subject;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Category category;

    @Column(name = "dedupe_key")
    private String dedupeKey;

    @Column(name = "unsubscribe_token")
    private String unsubscribeToken;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Delivery delivery;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    /** Whether the mail server has accepted the message yet; SUPPRESSED: it never goes (the address bounced or complained). */
    enum Delivery {
        PENDING,
        DELIVERED,
        FAILED,
        SUPPRESSED
    }

    protected Notification() {}

    /** Kept as a record of what was meant, and for its dedupe key: a repeated step does not try again. */
    void suppress() {
        delivery = Delivery.SUPPRESSED;
        nextAttemptAt = null;
    }

    public boolean isSuppressed() {
        return delivery == Delivery.SUPPRESSED;
    }

    Notification(
            String customerId,
            String orderId,
            Audience audience,
            String template,
            String recipient,
            MailTemplates.RenderedMail mail,
            Instant sentAt,
            Category category,
            String dedupeKey) {
        this(customerId, orderId, audience, template, recipient, mail, sentAt, category, dedupeKey, null);
    }

    /** A marketing mail: {@code unsubscribeToken} goes into its List-Unsubscribe headers. */
    Notification(
            String customerId,
            String orderId,
            Audience audience,
            String template,
            String recipient,
            MailTemplates.RenderedMail mail,
            Instant sentAt,
            Category category,
            String dedupeKey,
            String unsubscribeToken) {
        this.unsubscribeToken = unsubscribeToken;
        this.recipient = recipient;
        this.body = mail.body();
        this.delivery = Delivery.PENDING;
        this.nextAttemptAt = sentAt;
        this.category = category;
        this.dedupeKey = dedupeKey;
        this.customerId = customerId;
        this.orderId = orderId;
        this.audience = audience;
        this.channel = EMAIL;
        this.template = template;
        this.subject = mail.subject();
        this.sentAt = sentAt;
    }

    public Long getId() {
        return id;
    }

    public String getCustomerId() {
        return customerId;
    }

    public Category getCategory() {
        return category;
    }

    public String getOrderId() {
        return orderId;
    }

    public Audience getAudience() {
        return audience;
    }

    public String getChannel() {
        return channel;
    }

    public String getBody() {
        return body;
    }

    String getRecipient() {
        return recipient;
    }

    String getDedupeKey() {
        return dedupeKey;
    }

    String getUnsubscribeToken() {
        return unsubscribeToken;
    }

    Delivery getDelivery() {
        return delivery;
    }

    Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getTemplate() {
        return template;
    }

    public String getSubject() {
        return subject;
    }

    /** Whether this is the other message sent again: the same order, template and text. */
    boolean isCopyOf(Notification other) {
        return Objects.equals(orderId, other.orderId)
                && Objects.equals(template, other.template)
                && Objects.equals(subject, other.subject)
                && Objects.equals(body, other.body);
    }

    /** When the step sent the message, i.e. wrote it to the outbox. */
    public Instant getSentAt() {
        return sentAt;
    }
}
