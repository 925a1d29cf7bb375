package io.nurture.order.web;

import io.nurture.api.InvalidRequestException;
import io.nurture.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.regex.Pattern;

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

    /** At most this long, visible ASCII without spaces, as the header's value must be to be compared exactly. */
    static final int MAX_LENGTH = 200;
    private static final Pattern ALLOWED = Pattern.compile("[\\x21-\\x7E]{1," + MAX_LENGTH + "}");

    protected IdempotencyKey() {
    }

    /** The stored form of a client's key; null without a key; a key that cannot be compared exactly is refused. */
    static String ofClient(String apiClient, String key) {
        if (key == null) {
            return null;
        }
        if (!ALLOWED.matcher(key).matches()) {
            throw new InvalidRequestException("Idempotency-Key",
                    "must be 1 to " + MAX_LENGTH + " visible ASCII characters, without spaces");
        }
        return apiClient + " " + key;
    }

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
