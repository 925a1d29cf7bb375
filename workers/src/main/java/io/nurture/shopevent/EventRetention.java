package io.nurture.shopevent;

import io.nurture.persistence.UtcColumns;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Deletes raw shop events once they are older than {@code nurture.events.retention}, a slice per transaction. */
@Component
public class EventRetention {

    private static final int SLICE = 5_000;

    private final JdbcClient db;
    private final EventProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    EventRetention(JdbcClient db, EventProperties properties, Clock clock, PlatformTransactionManager transactions) {
        this.db = db;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${nurture.events.cleanup-every:PT1H}",
            initialDelayString = "${nurture.events.cleanup-every:PT1H}")
    void scheduled() {
        deleteExpired();
    }

    /** @return how many events were deleted */
    public int deleteExpired() {
        int deleted = 0;
        int slice;
        do {
            slice = transaction.execute(tx -> db.sql("DELETE FROM shop_events WHERE received_at < :before LIMIT :slice")
                    .param("before", UtcColumns.utc(clock.instant().minus(properties.retention())))
                    .param("slice", SLICE)
                    .update());
            deleted += slice;
        } while (slice == SLICE);
        return deleted;
    }
}
