package io.nurture.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One status change of an order: when, to what, why, and who where a person decided it. */
@Entity
@Table(name = "order_timeline")
public class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    private String note;

    @Column(name = "decided_by")
    private String decidedBy;

    protected TimelineEntry() {}

    TimelineEntry(Instant at, OrderStatus status, String note) {
        this(at, status, note, null);
    }

    TimelineEntry(Instant at, OrderStatus status, String note, String decidedBy) {
        this.at = at;
        this.status = status;
        this.note = note;
        this.decidedBy = decidedBy;
    }

    public Instant getAt() {
        return at;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public String getNote() {
        return note;
    }

    /** The staff client that made this change by hand; null for what the processes did. */
    public String getDecidedBy() {
        return decidedBy;
    }
}
