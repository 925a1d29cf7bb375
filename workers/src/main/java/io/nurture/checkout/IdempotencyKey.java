package io.nurture.checkout;

import io.nurture.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Remembers which order a client's Idempotency-Key created, and from which request body. A key is
 * the API client's own: stored as {@code "<client> <key>"} and compared exactly (binary collation).
 */
@Entity
@Table(name = "idempotency_keys")
class IdempotencyKey extends AssignedIdEntity {

    @Id
    @Column(name = "idempotency_key")
    private String key;

    @Column(name = "request_hash", nullable = false)
    private String requestHash;

    @Column(name = "order_id", nullable = false)
    private String orderId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected IdempotencyKey() {}

    IdempotencyKey(String key, String requestHash, String orderId, Instant createdAt) {
        this.key = key;
        this.requestHash = requestHash;
        this.orderId = orderId;
        this.createdAt = createdAt;
    }

    String getRequestHash() {
        return requestHash;
    }

    String getOrderId() {
        return orderId;
    }

    @Override
    public String getId() {
        return key;
    }
}
