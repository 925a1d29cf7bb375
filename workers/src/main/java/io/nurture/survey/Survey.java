package io.nurture.survey;

import io.nurture.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A satisfaction survey for one delivered order, reachable by its unguessable token. */
@Entity
@Table(name = "surveys")
public class Survey extends AssignedIdEntity {

    @Id
    private String token;

    @Column(name = "order_id", nullable = false)
    private String orderId;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SurveyStatus status;

    private Integer score;

    private String comment;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    protected Survey() {}

    Survey(String token, String orderId, String customerId, Instant sentAt) {
        this.token = token;
        this.orderId = orderId;
        this.customerId = customerId;
        this.status = SurveyStatus.SENT;
        this.sentAt = sentAt;
    }

    void answer(int score, String comment, Instant at) {
        this.status = SurveyStatus.ANSWERED;
        this.score = score;
        this.comment = comment;
        this.answeredAt = at;
    }

    void expire() {
        if (status == SurveyStatus.SENT) {
            status = SurveyStatus.EXPIRED;
        }
    }

    public String getToken() {
        return token;
    }

    public String getOrderId() {
        return orderId;
    }

    public String getCustomerId() {
        return customerId;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public SurveyStatus getStatus() {
        return status;
    }

    /** What the customer wrote beside the score, if anything. */
    public String getComment() {
        return comment;
    }

    public Integer getScore() {
        return score;
    }

    @Override
    public String getId() {
        return token;
    }
}
