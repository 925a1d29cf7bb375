package io.nurture.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Instants as the tables hold them: UTC wall-clock time, what Hibernate writes ({@code hibernate.jdbc.time_zone: UTC}). */
public final class UtcColumns {

    private UtcColumns() {}

    /** The instant as a {@code DATETIME} column's value, whatever the JVM's time zone; null stays null. */
    public static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A {@code DATETIME} column's value read as the instant it holds; null stays null. */
    public static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
