package io.nurture.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Stock held for one order line until it ships or is released. */
@Entity
@Table(name = "reservations")
class Reservation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false)
    private String orderId;

    @Column(nullable = false)
    private String sku;

    @Column(nullable = false)
    private int quantity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReservationStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Reservation() {}

    Reservation(String orderId, String sku, int quantity, Instant now) {
        this.orderId = orderId;
        this.sku = sku;
        this.quantity = quantity;
        this.status = ReservationStatus.HELD;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void moveTo(ReservationStatus next, Instant now) {
        status = next;
        updatedAt = now;
    }

    String getSku() {
        return sku;
    }

    int getQuantity() {
        return quantity;
    }

    ReservationStatus getStatus() {
        return status;
    }
}
