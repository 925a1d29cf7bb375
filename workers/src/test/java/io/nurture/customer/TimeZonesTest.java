package io.nurture.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeZonesTest {

    @Test
    void aCountryWithOneZoneGetsItAndOneWithSeveralGetsItsCapitals() {
        assertThat(TimeZones.forCountry("DE")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(TimeZones.forCountry("US")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(TimeZones.forCountry("AU")).isEqualTo(ZoneId.of("Australia/Sydney"));
    }

    @Test
    void aCountryNotListedFallsBackToUtc() {
        assertThat(TimeZones.forCountry("ZZ")).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void onlyIanaIdsAreTimeZones() {
        assertThat(TimeZones.parse("Asia/Tokyo")).contains(ZoneId.of("Asia/Tokyo"));
        assertThat(TimeZones.parse("Mars/Olympus")).isEmpty();
        assertThat(TimeZones.parse("+02:00")).isEmpty();
        assertThat(TimeZones.parse("")).isEmpty();
        assertThat(TimeZones.parse(null)).isEmpty();
    }
}
