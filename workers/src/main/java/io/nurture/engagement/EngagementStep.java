package io.nurture.engagement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One engagement step taken or skipped for a customer, with the reason for a skip. */
@Entity
@Table(name = "engagement_steps")
public class EngagementStep {

    public static final String SENT = "SENT";
    public static final String SKIPPED = "SKIPPED";
    public static final String DONE = "DONE";
    /** Held by the contact policy (quiet hours) and checked again later. */
    public static final String DEFERRED = "DEFERRED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Column(name = "order_id")
    private String orderId;

    @Column(nullable = false)
    private String step;

    @Column(nullable = false)
    private String outcome;

    private String reason;

    @Column(nullable = false)
    private Instant at;

    @Column(name = "step_key", nullable = false)
    private String stepKey;

    protected EngagementStep() {}

    EngagementStep(
            String customerId, String orderId, String step, String outcome, String reason, Instant at, String stepKey) {
        this.customerId = customerId;
        this.orderId = orderId;
        this.step = step;
        this.outcome = outcome;
        this.reason = reason;
        this.at = at;
        this.stepKey = stepKey;
    }

    public String getOrderId() {
        return orderId;
    }

    public String getStep() {
        return step;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getReason() {
        return reason;
    }

    public Instant getAt() {
        return at;
    }
}
