package io.nurture.payment;

import io.nurture.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Money moved for an order, at most one of each kind per order. A movement through the provider is
 * written {@code PENDING}, with the idempotency key the provider knows it by, before the call, and
 * completed after the answer: a step that died in between finds the intent and asks the provider.
 */
@Entity
@Table(name = "payments")
public class Payment extends AssignedIdEntity {

    @Id
    private String id;

    @Column(name = "order_id", nullable = false)
    private String orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentStatus status;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(nullable = false)
    private String currency;

    @Column(name = "provider_reference")
    private String providerReference;

    private String reference;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "settled_by")
    private String settledBy;

    /** Empty for the order's own charge, invoice payment and cancellation refund; a goodwill refund's own id; a return refund's return. */
    @Column(name = "request_id", nullable = false)
    private String requestId = "";

    /** Why staff granted a goodwill refund, as they wrote it; which return a return refund is for. */
    private String reason;

    protected Payment() {}

    Payment(
            String orderId,
            PaymentKind kind,
            PaymentStatus status,
            BigDecimal amount,
            String currency,
            String providerReference,
            String reference,
            Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.orderId = orderId;
        this.kind = kind;
        this.status = status;
        this.amount = amount;
        this.currency = currency;
        this.providerReference = providerReference;
        this.reference = reference;
        this.createdAt = createdAt;
        this.completedAt = status == PaymentStatus.PENDING ? null : createdAt;
    }

    /** The intent to move money through the provider, written before the call. */
    static Payment intent(
            String orderId,
            PaymentKind kind,
            BigDecimal amount,
            String currency,
            String idempotencyKey,
            String reference,
            Instant at) {
        Payment payment = new Payment(orderId, kind, PaymentStatus.PENDING, amount, currency, null, reference, at);
        payment.idempotencyKey = idempotencyKey;
        return payment;
    }

    /**
     * A goodwill or return refund, written before any money moves: PENDING until the provider
     * refunds the card, OWED where staff transfer it (an invoice paid by transfer).
     *
     * @param requestId the request that gave it: the goodwill refund's own id, or the return's
     */
    static Payment partialRefund(
            PaymentKind kind,
            String id,
            String requestId,
            String orderId,
            BigDecimal amount,
            String currency,
            boolean byCard,
            String reason,
            Instant at) {
        String label = kind == PaymentKind.GOODWILL_REFUND ? "goodwill" : "return";
        Payment refund = new Payment(
                orderId, kind, byCard ? PaymentStatus.PENDING : PaymentStatus.OWED, amount, currency, null, label, at);
        refund.id = id;
        refund.requestId = requestId;
        refund.reason = reason;
        refund.idempotencyKey = label + "-" + id;
        return refund;
    }

    /** The provider's answer to the intent (or, for a lost answer, what the provider says it did). */
    void complete(PaymentStatus outcome, String providerReference, Instant at) {
        this.status = outcome;
        this.providerReference = providerReference;
        this.completedAt = at;
    }

    /** A refund owed, paid out by staff: the bank reference of their transfer. */
    void settle(String bankReference, String staffClient, Instant at) {
        this.status = PaymentStatus.REFUNDED;
        this.providerReference = bankReference;
        this.settledBy = staffClient;
        this.completedAt = at;
    }

    @Override
    public String getId() {
        return id;
    }

    /** Why staff granted it (goodwill refunds), or the return it is for (return refunds). */
    public String getReason() {
        return reason;
    }

    public PaymentKind getKind() {
        return kind;
    }

    public PaymentStatus getStatus() {
        return status;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getReference() {
        return reference;
    }

    public String getProviderReference() {
        return providerReference;
    }

    public String getOrderId() {
        return orderId;
    }

    public String getCurrency() {
        return currency;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public String getSettledBy() {
        return settledBy;
    }

    String getIdempotencyKey() {
        return idempotencyKey;
    }

    boolean isCaptured() {
        return status == PaymentStatus.CAPTURED;
    }

    boolean isPending() {
        return status == PaymentStatus.PENDING;
    }
}
