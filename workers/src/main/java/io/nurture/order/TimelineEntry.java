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

/** One status change of an order: when, to what, and why. */
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

    protected TimelineEntry() {}

    TimelineEntry(Instant at, OrderStatus status, String note) {
        this.at = at;
        this.status = status;
        this.note = note;
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
}
