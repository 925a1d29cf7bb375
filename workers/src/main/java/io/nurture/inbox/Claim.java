package io.nurture.inbox;

import java.time.Instant;

/** A colleague is on an inbox item until {@code lapsesAt}. */
public record Claim(String claimedBy, Instant claimedAt, Instant lapsesAt) {}
