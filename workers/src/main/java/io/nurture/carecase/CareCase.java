package io.nurture.carecase;

import io.nurture.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A detractor's complaint for staff to resolve; the journey waits for the resolution. */
@Entity
@Table(name = "care_cases")
public class CareCase extends AssignedIdEntity {

    public static final String OPEN = "OPEN";
    public static final String RESOLVED = "RESOLVED";

    @Id
    private String id;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Column(name = "order_id", nullable = false)
    private String orderId;

    @Column(nullable = false)
    private String status;

    @Column(nullable = false)
    private int score;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    private String resolution;

    protected CareCase() {}

    CareCase(String customerId, String orderId, int score, Instant openedAt) {
        this.id = UUID.randomUUID().toString();
        this.customerId = customerId;
        this.orderId = orderId;
        this.score = score;
        this.status = OPEN;
        this.openedAt = openedAt;
    }

    void resolve(String note, Instant at) {
        status = RESOLVED;
        resolution = note;
        resolvedAt = at;
    }

    @Override
    public String getId() {
        return id;
    }

    public String getCustomerId() {
        return customerId;
    }

    public String getOrderId() {
        return orderId;
    }

    public String getStatus() {
        return status;
    }

    public int getScore() {
        return score;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public String getResolution() {
        return resolution;
    }
}
