package io.nurture.notification;

import io.nurture.suppression.SuppressionReason;
import java.time.Instant;

/**
 * A message to a customer was not sent: their address is suppressed. Heard in the sender's
 * transaction, so the order's timeline says so with the step that wanted to send it.
 *
 * @param orderId the order it was about, null for a message about the relationship
 */
public record MessageSuppressed(
        String customerId, String orderId, String template, SuppressionReason reason, Instant at) {}
