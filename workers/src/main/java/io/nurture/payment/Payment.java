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

/** Money moved for an order; at most one of each kind per order. */
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

    protected Payment() {
    }

    Payment(String orderId, PaymentKind kind, PaymentStatus status, BigDecimal amount, String currency,
            String providerReference, String reference, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.orderId = orderId;
        this.kind = kind;
        this.status = status;
        this.amount = amount;
        this.currency = currency;
        this.providerReference = providerReference;
        this.reference = reference;
        this.createdAt = createdAt;
    }

    @Override
    public String getId() {
        return id;
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

    boolean isCaptured() {
        return status == PaymentStatus.CAPTURED;
    }
}
