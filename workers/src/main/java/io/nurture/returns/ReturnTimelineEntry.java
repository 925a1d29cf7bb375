package io.nurture.returns;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of a return: when, to what, and why. */
@Entity
@Table(name = "return_timeline")
public class ReturnTimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReturnStatus status;

    private String note;

    protected ReturnTimelineEntry() {}

    ReturnTimelineEntry(Instant at, ReturnStatus status, String note) {
        this.at = at;
        this.status = status;
        this.note = note;
    }

    public Instant getAt() {
        return at;
    }

    public ReturnStatus getStatus() {
        return status;
    }

    public String getNote() {
        return note;
    }
}
