package io.nurture.broker;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nurture.local.DataDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBrokerTest {

    @TempDir
    Path home;

    @Test
    void aMissingDistributionStopsTheStartSayingHowToGetIt() {
        Path nowhere = home.resolve("camunda-zeebe-8.6.0");
        var properties = new LocalBrokerProperties(
                nowhere,
                "-Xmx256m",
                1,
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                false,
                Map.of());
        var broker = new LocalBroker(
                properties, DataDirectory.open(home.resolve("data").toString(), true), 26500, false);

        assertThatThrownBy(broker::start)
                .hasMessageContaining("No Zeebe distribution at " + nowhere)
                .hasMessageContaining("./mvnw -pl app -am -DskipTests package");
    }

    @Test
    void theClockCannotBeMovedWhenTheBrokerRunsOnRealTime() {
        var broker = notStarted(false);

        assertThatThrownBy(() -> broker.moveClock(Duration.ofDays(1)))
                .hasMessageContaining("nurture.dev.clock-control=false");
    }

    @Test
    void aClockMovedWhileTheBrokerIsNotUpIsKeptForItsStartNotRefused() {
        var broker = notStarted(true);

        assertThatCode(() -> broker.moveClock(Duration.ofDays(1))).doesNotThrowAnyException();
    }

    private LocalBroker notStarted(boolean clockControlled) {
        var properties = new LocalBrokerProperties(
                home, "", 1, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(2), false, Map.of());
        return new LocalBroker(
                properties, DataDirectory.open(home.resolve("data").toString(), true), 26500, clockControlled);
    }
}
