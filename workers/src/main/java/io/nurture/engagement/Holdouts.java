package io.nurture.engagement;

import io.nurture.persistence.UtcColumns;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who is held out of a journey's marketing to measure what it earns: each customer gets a fixed
 * place per journey, a number in [0, 1) made from their ids (the same on every instance and every
 * run), stored the first time it is asked for and read from then on; a step whose holdout share is
 * above it holds them out.
 */
@Component
class Holdouts {

    private final JdbcClient db;
    private final Clock clock;

    Holdouts(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    boolean heldOut(String customerId, String journey, BigDecimal holdoutShare) {
        double place = place(customerId, journey);
        return holdoutShare != null && place < holdoutShare.doubleValue();
    }

    private double place(String customerId, String journey) {
        db.sql("INSERT IGNORE INTO journey_holdouts (customer_id, journey, bucket, assigned_at) VALUES (?, ?, ?, ?)")
                .params(customerId, journey, bucket(customerId, journey), UtcColumns.utc(clock.instant()))
                .update();
        // A check for the same customer and journey in another transaction may have inserted the row
        // first; this transaction's snapshot may not see it yet. Its value is the same hash either way.
        return db.sql("SELECT bucket FROM journey_holdouts WHERE customer_id = ? AND journey = ?")
                .params(customerId, journey)
                .query(Double.class)
                .optional()
                .orElseGet(() -> bucket(customerId, journey));
    }

    /** Uniform in [0, 1): the top 53 bits of SHA-256 over the two ids. */
    static double bucket(String customerId, String journey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((customerId + "|" + journey).getBytes(StandardCharsets.UTF_8));
            return (ByteBuffer.wrap(hash).getLong() >>> 11) * 0x1.0p-53;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
