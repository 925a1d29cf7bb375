package io.nurture.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testkit.NurtureClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@NurtureIntegrationTest
class ClockControlIntegrationTest {

    @Autowired
    NurtureClient api;

    @Test
    void advancingTheClockAnswersTheNewTime() {
        Instant before = Instant.parse(api.get("/api/dev/clock").text("now"));

        NurtureClient.Answer answer = api.post("/api/dev/clock", Map.of("advance", "P3D"));

        Instant after = Instant.parse(answer.text("now"));
        assertThat(Duration.between(before, after))
                .isBetween(Duration.ofDays(3), Duration.ofDays(3).plusMinutes(1));
    }

    @Test
    void negativeAdvanceIsRefused() {
        NurtureClient.Answer answer = api.post("/api/dev/clock", Map.of("advance", "-P1D"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("errors").get(0).path("field").asText()).isEqualTo("advance");
    }
}
