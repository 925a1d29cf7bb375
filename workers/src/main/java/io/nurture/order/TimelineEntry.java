package io.nurture.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One status change of an order: when, to what, why, and who where a person decided it. */
@Entity
@Table(name = "order_timeline")
public class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    // The owning side, so an entry added to an order's timeline is inserted without loading the others.
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    private Order order;

    @Column(nullable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    private String note;

    @Column(name = "decided_by")
    private String decidedBy;

    protected TimelineEntry() {}

    TimelineEntry(Order order, Instant at, OrderStatus status, String note) {
        this(order, at, status, note, null);
    }

    TimelineEntry(Order order, Instant at, OrderStatus status, String note, String decidedBy) {
        this.order = order;
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
