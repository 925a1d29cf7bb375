package io.nurture.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The period a staff report covers, as its {@code from} and {@code to} query parameters give it:
 * {@code from} inclusive, {@code to} exclusive, each an ISO instant or a date (midnight UTC);
 * without them, the last {@code defaultLength} up to now.
 */
public record ReportPeriod(Instant from, Instant to) {

    public static ReportPeriod of(String from, String to, Clock clock, Duration defaultLength) {
        Instant end = to == null ? clock.instant() : parse("to", to);
        Instant start = from == null ? end.minus(defaultLength) : parse("from", from);
        if (!start.isBefore(end)) {
            throw new InvalidRequestException("from", "must be before to");
        }
        return new ReportPeriod(start, end);
    }

    private static Instant parse(String field, String value) {
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(
                    field, "must be an ISO date (2026-11-01) or instant (2026-11-01T00:00:00Z)");
        }
    }
}
