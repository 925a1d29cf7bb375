package io.nurture.suppression.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.nurture.api.InvalidRequestException;
import io.nurture.suppression.MailEvent;
import io.nurture.suppression.MailEventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Mailgun's webhook payload (its "event-data"), read as far as suppression needs: a permanent
 * failure is a hard bounce, a temporary one a soft bounce, a complaint a complaint. The signature
 * beside it is checked before this is read.
 */
final class MailgunEvents {

    private MailgunEvents() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Webhook(@JsonProperty("event-data") EventData eventData) {}

    /** @param timestamp seconds since 1970, with a fraction */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record EventData(String id, String event, String severity, String recipient, BigDecimal timestamp) {}

    /** The event as Nurture takes it, or empty for a kind it does not act on (delivered, opened, ...). */
    static Optional<MailEvent> toEvent(Webhook webhook) {
        EventData data = required(webhook.eventData(), "event-data");
        Optional<MailEventType> type = typeOf(data);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal seconds = required(data.timestamp(), "event-data.timestamp");
        return Optional.of(new MailEvent(
                "mailgun",
                required(data.id(), "event-data.id"),
                type.get(),
                required(data.recipient(), "event-data.recipient"),
                Instant.ofEpochMilli(seconds.movePointRight(3).longValue())));
    }

    private static Optional<MailEventType> typeOf(EventData data) {
        String event = required(data.event(), "event-data.event");
        if (event.equals("complained")) {
            return Optional.of(MailEventType.COMPLAINT);
        }
        if (!event.equals("failed")) {
            return Optional.empty();
        }
        return switch (required(data.severity(), "event-data.severity")) {
            case "permanent" -> Optional.of(MailEventType.HARD_BOUNCE);
            case "temporary" -> Optional.of(MailEventType.SOFT_BOUNCE);
            default -> throw new InvalidRequestException("event-data.severity", "must be permanent or temporary");
        };
    }

    private static <T> T required(T value, String field) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw new InvalidRequestException(field, "is missing");
        }
        return value;
    }
}
