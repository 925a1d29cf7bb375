package io.nurture.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** When a message held for the quiet hours goes out: the customer's next 08:00, in their zone, on any day of the year. */
class QuietHoursTest {

    private static final LocalTime MORNING = LocalTime.of(8, 0);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void lateEveningWaitsForTomorrowMorning() {
        assertThat(QuietHours.next(MORNING, BERLIN, Instant.parse("2026-06-10T20:30:00Z")))
                .isEqualTo(Instant.parse("2026-06-11T06:00:00Z"));
    }

    @Test
    void smallHoursWaitForTheSameMorning() {
        assertThat(QuietHours.next(MORNING, BERLIN, Instant.parse("2026-06-11T01:00:00Z")))
                .isEqualTo(Instant.parse("2026-06-11T06:00:00Z"));
    }

    @Test
    void theNightClocksGoForwardIsAnHourShorter() {
        // 22:00 CET on 28 March; the clocks jump from 02:00 to 03:00 on the 29th: 08:00 is then CEST.
        assertThat(QuietHours.next(MORNING, BERLIN, Instant.parse("2026-03-28T21:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
    }

    @Test
    void theNightClocksGoBackIsAnHourLonger() {
        // 22:00 CEST on 24 October; the clocks go from 03:00 back to 02:00 on the 25th: 08:00 is then CET.
        assertThat(QuietHours.next(MORNING, BERLIN, Instant.parse("2026-10-24T20:00:00Z")))
                .isEqualTo(Instant.parse("2026-10-25T07:00:00Z"));
    }

    @Test
    void aFarZoneHasItsOwnMorning() {
        // 23:00 in Auckland (NZST, UTC+12) is 11:00 UTC: its morning comes before Europe wakes.
        assertThat(QuietHours.next(MORNING, ZoneId.of("Pacific/Auckland"), Instant.parse("2026-07-01T11:00:00Z")))
                .isEqualTo(Instant.parse("2026-07-01T20:00:00Z"));
    }

    @Test
    void aTimeThatFallsIntoTheClockJumpMovesOnByTheJump() {
        // In Europe/Berlin 02:30 does not exist on 29 March 2026: it becomes 03:30 CEST.
        assertThat(QuietHours.next(LocalTime.of(2, 30), BERLIN, Instant.parse("2026-03-28T21:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }
}
