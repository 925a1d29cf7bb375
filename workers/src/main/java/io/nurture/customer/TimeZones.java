package io.nurture.customer;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * A customer's time zone when nobody gave one: the zone of their shipping country; for a country
 * spanning several zones, its capital's (US: New York, CA: Toronto, AU: Sydney, BR: São Paulo,
 * RU: Moscow, MX: Mexico City, CN: Shanghai, ID: Jakarta); UTC for a country not listed here.
 */
public final class TimeZones {

    private static final Map<String, String> BY_COUNTRY = Map.ofEntries(
            Map.entry("AT", "Europe/Vienna"),
            Map.entry("BE", "Europe/Brussels"),
            Map.entry("BG", "Europe/Sofia"),
            Map.entry("CH", "Europe/Zurich"),
            Map.entry("CY", "Asia/Nicosia"),
            Map.entry("CZ", "Europe/Prague"),
            Map.entry("DE", "Europe/Berlin"),
            Map.entry("DK", "Europe/Copenhagen"),
            Map.entry("EE", "Europe/Tallinn"),
            Map.entry("ES", "Europe/Madrid"),
            Map.entry("FI", "Europe/Helsinki"),
            Map.entry("FR", "Europe/Paris"),
            Map.entry("GB", "Europe/London"),
            Map.entry("GR", "Europe/Athens"),
            Map.entry("HR", "Europe/Zagreb"),
            Map.entry("HU", "Europe/Budapest"),
            Map.entry("IE", "Europe/Dublin"),
            Map.entry("IS", "Atlantic/Reykjavik"),
            Map.entry("IT", "Europe/Rome"),
            Map.entry("LT", "Europe/Vilnius"),
            Map.entry("LU", "Europe/Luxembourg"),
            Map.entry("LV", "Europe/Riga"),
            Map.entry("MT", "Europe/Malta"),
            Map.entry("NL", "Europe/Amsterdam"),
            Map.entry("NO", "Europe/Oslo"),
            Map.entry("PL", "Europe/Warsaw"),
            Map.entry("PT", "Europe/Lisbon"),
            Map.entry("RO", "Europe/Bucharest"),
            Map.entry("SE", "Europe/Stockholm"),
            Map.entry("SI", "Europe/Ljubljana"),
            Map.entry("SK", "Europe/Bratislava"),
            Map.entry("TR", "Europe/Istanbul"),
            Map.entry("UA", "Europe/Kyiv"),
            Map.entry("RU", "Europe/Moscow"),
            Map.entry("IL", "Asia/Jerusalem"),
            Map.entry("AE", "Asia/Dubai"),
            Map.entry("IN", "Asia/Kolkata"),
            Map.entry("CN", "Asia/Shanghai"),
            Map.entry("HK", "Asia/Hong_Kong"),
            Map.entry("SG", "Asia/Singapore"),
            Map.entry("ID", "Asia/Jakarta"),
            Map.entry("JP", "Asia/Tokyo"),
            Map.entry("KR", "Asia/Seoul"),
            Map.entry("AU", "Australia/Sydney"),
            Map.entry("NZ", "Pacific/Auckland"),
            Map.entry("ZA", "Africa/Johannesburg"),
            Map.entry("US", "America/New_York"),
            Map.entry("CA", "America/Toronto"),
            Map.entry("MX", "America/Mexico_City"),
            Map.entry("BR", "America/Sao_Paulo"),
            Map.entry("AR", "America/Argentina/Buenos_Aires"));

    private TimeZones() {}

    public static ZoneId forCountry(String isoCountry) {
        return Optional.ofNullable(BY_COUNTRY.get(isoCountry))
                .<ZoneId>map(ZoneId::of)
                .orElse(ZoneOffset.UTC);
    }

    /** The zone an IANA id names (Europe/Berlin); empty for anything else, offsets like +02:00 included. */
    public static Optional<ZoneId> parse(String ianaId) {
        if (ianaId == null || !ianaId.contains("/")) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(ianaId));
        } catch (DateTimeException notAZone) {
            return Optional.empty();
        }
    }
}
