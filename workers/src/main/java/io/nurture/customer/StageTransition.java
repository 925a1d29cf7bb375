package io.nurture.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One move of a customer between lifecycle stages, with its time and cause. */
@Entity
@Table(name = "customer_stage_history")
public class StageTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage")
    private LifecycleStage fromStage;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage", nullable = false)
    private LifecycleStage toStage;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false)
    private String cause;

    protected StageTransition() {}

    StageTransition(String customerId, LifecycleStage fromStage, LifecycleStage toStage, Instant at, String cause) {
        this.customerId = customerId;
        this.fromStage = fromStage;
        this.toStage = toStage;
        this.at = at;
        this.cause = cause;
    }

    public LifecycleStage getFromStage() {
        return fromStage;
    }

    public LifecycleStage getToStage() {
        return toStage;
    }

    public Instant getAt() {
        return at;
    }

    public String getCause() {
        return cause;
    }
}
