package io.nurture.customer;

import io.nurture.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A shop's customer, known from the first order on. The only place personal data lives. */
@Entity
@Table(name = "customers")
public class Customer extends AssignedIdEntity {

    @Id
    private String id;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LifecycleStage stage = LifecycleStage.PROSPECT;

    @Column(name = "marketing_consent", nullable = false)
    private boolean marketingConsent;

    /** The customer whose referral code brought this one, if any. */
    @Column(name = "referred_by")
    private String referredBy;

    protected Customer() {
    }

    public Customer(String email, String name, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.email = email;
        this.name = name;
        this.createdAt = createdAt;
    }

    /**
     * Moves the customer to a stage; answers the transition to store, or null when the customer is
     * already there (so a repeated step records nothing).
     */
    public StageTransition moveTo(LifecycleStage next, String cause, Instant at) {
        if (stage == next) {
            return null;
        }
        StageTransition transition = new StageTransition(id, stage, next, at, cause);
        stage = next;
        return transition;
    }

    public void setMarketingConsent(boolean marketingConsent) {
        this.marketingConsent = marketingConsent;
    }

    public void referredBy(String referrerId) {
        if (referredBy == null && !id.equals(referrerId)) {
            referredBy = referrerId;
        }
    }

    public LifecycleStage getStage() {
        return stage;
    }

    public boolean hasMarketingConsent() {
        return marketingConsent;
    }

    @Override
    public String getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }

}
