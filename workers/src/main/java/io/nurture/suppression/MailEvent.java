package io.nurture.suppression;

import java.time.Instant;

/**
 * One delivery event as a provider reported it.
 *
 * @param provider who reported it ({@code nurture} for Nurture's own format, {@code mailgun})
 * @param eventId  the provider's id of the event: a repeat of it changes nothing
 */
public record MailEvent(String provider, String eventId, MailEventType type, String email, Instant occurredAt) {}
