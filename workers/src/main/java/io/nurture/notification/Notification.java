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

/** The log of every message sent; its unique key is what makes sending idempotent. */
@Entity
@Table(name = "notifications")
public class Notification {

    public static final String EMAIL = "EMAIL";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id", nullable = false)
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

    protected Notification() {
    }

    Notification(String customerId, String orderId, Audience audience, String template, String subject, Instant sentAt,
            Category category, String dedupeKey) {
        this.category = category;
        this.dedupeKey = dedupeKey;
        this.customerId = customerId;
        this.orderId = orderId;
        this.audience = audience;
        this.channel = EMAIL;
        this.template = template;
        this.subject = subject;
        this.sentAt = sentAt;
    }

    public String getCustomerId() {
        return customerId;
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

    public String getTemplate() {
        return template;
    }

    public String getSubject() {
        return subject;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
