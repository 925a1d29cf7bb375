package io.nurture.privacy;

import java.time.Instant;
import java.util.Map;

/**
 * A customer's erasure as recorded: who asked, when, and what changed (per table and field, the
 * rows), never the data.
 *
 * @param erasedBy the staff client that asked, or {@code retention} for the schedule
 */
public record Erasure(String customerId, Instant erasedAt, String erasedBy, Map<String, Integer> changed) {}
