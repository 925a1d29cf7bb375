package io.nurture.inbox;

import java.time.Instant;

/** Who decided an inbox item, when, and what. */
public record Decision(String decidedBy, Instant decidedAt, String outcome) {}
