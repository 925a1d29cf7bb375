package io.nurture.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database server's clock, in UTC: the one clock all Nurture instances on a database share,
 * so a claim's lease means the same to each of them however far their own clocks drift apart.
 */
public final class DatabaseClock extends Clock {

    private final JdbcClient db;

    public DatabaseClock(JdbcClient db) {
        this.db = db;
    }

    @Override
    public Instant instant() {
        return db.sql("SELECT UTC_TIMESTAMP(6)")
                .query(LocalDateTime.class)
                .single()
                .toInstant(ZoneOffset.UTC);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
