package io.nurture.referral;

import io.nurture.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer's personal referral code, given to promoters. */
@Entity
@Table(name = "referral_codes")
public class ReferralCode extends AssignedIdEntity {

    @Id
    private String code;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ReferralCode() {}

    ReferralCode(String code, String customerId, Instant createdAt) {
        this.code = code;
        this.customerId = customerId;
        this.createdAt = createdAt;
    }

    public String getCode() {
        return code;
    }

    public String getCustomerId() {
        return customerId;
    }

    @Override
    public String getId() {
        return code;
    }
}
