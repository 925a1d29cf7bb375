package io.nurture.inventory;

import io.nurture.persistence.UtcColumns;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The Idempotency-Keys restocks were sent with, and what each restocked. */
@Component
class RestockKeys {

    private final JdbcClient db;

    RestockKeys(JdbcClient db) {
        this.db = db;
    }

    /**
     * Whether the key is new (and now taken for this restock); false when it restocked the same
     * before. In the restock's transaction, under the product's lock.
     */
    boolean firstUse(String key, String sku, int quantity, Instant at) {
        var earlier = db.sql("SELECT sku, quantity FROM restocks WHERE idempotency_key = :key")
                .param("key", key)
                .query((row, n) -> new Restocked(row.getString(1), row.getInt(2)))
                .optional();
        if (earlier.isPresent()) {
            if (!earlier.get().equals(new Restocked(sku, quantity))) {
                throw new RestockKeyReusedException();
            }
            return false;
        }
        try {
            db.sql(
                            "INSERT INTO restocks (idempotency_key, sku, quantity, restocked_at) VALUES (:key, :sku, :quantity, :at)")
                    .param("key", key)
                    .param("sku", sku)
                    .param("quantity", quantity)
                    .param("at", UtcColumns.utc(at))
                    .update();
            return true;
        } catch (DuplicateKeyException takenMeanwhile) {
            // Only a restock of another product holds no lock of this one: the same key, another product.
            throw new RestockKeyReusedException();
        }
    }

    private record Restocked(String sku, int quantity) {}
}
