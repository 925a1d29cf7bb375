package io.nurture.engagement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.nurture.reporting.JourneyUplift;
import io.nurture.security.SliceClient;
import io.nurture.security.WebSliceTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The uplift report's window after each step: an ISO duration of a second or more (the report counts in seconds); anything else is refused naming it. */
@WebSliceTest(controllers = JourneyController.class)
@Import(UpliftWindowTest.FixedClock.class)
class UpliftWindowTest {

    private static final String UPLIFT = "/api/journeys/customer-retention/uplift";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    JourneyUplift uplift;

    @Test
    void aWindowOfSevenDaysReachesTheReport() {
        when(uplift.of(eq("customer-retention"), any(), any(), any())).thenReturn(Optional.of(List.of()));

        SliceClient.Answer answer = new SliceClient(mvc, SliceClient.HARNESS_KEY).get(UPLIFT + "?window=P7D");

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        verify(uplift).of(eq("customer-retention"), any(), any(), eq(Duration.ofDays(7)));
    }

    @Test
    void withoutAWindowTheReportCountsThirtyDays() {
        when(uplift.of(eq("customer-retention"), any(), any(), any())).thenReturn(Optional.of(List.of()));

        new SliceClient(mvc, SliceClient.HARNESS_KEY).get(UPLIFT);

        verify(uplift).of(eq("customer-retention"), any(), any(), eq(Duration.ofDays(30)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "P0D", "-P1D", "PT0.5S", "30"})
    void aWindowThatIsNoPositiveDurationIsRefusedNamingIt(String window) {
        SliceClient.Answer answer = new SliceClient(mvc, SliceClient.HARNESS_KEY).get(UPLIFT + "?window=" + window);

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.fieldsInError()).as(answer.body().toString()).containsExactly("window");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
        }
    }
}
