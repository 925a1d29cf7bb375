package io.nurture.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BehaviourTest {

    @TempDir
    Path dir;

    @Test
    void theShippedBehaviourModelDescribesAThousandCustomersOverHalfAYear() {
        Behaviour behaviour = Behaviour.read(Path.of("behaviour.yaml"));

        assertThat(behaviour.customers()).isEqualTo(1000);
        assertThat(behaviour.days()).isEqualTo(180);
        assertThat(behaviour.segments())
                .extracting(Behaviour.Segment::name)
                .containsExactly("loyal", "occasional", "one-off");
    }

    @Test
    void aFileWhoseSharesDoNotAddUpIsRefusedNamingTheField() throws IOException {
        Path file = edited("share: 0.25\n    timeZones", "share: 0.35\n    timeZones");

        assertThatThrownBy(() -> Behaviour.read(file))
                .hasMessageContaining("segments[*].share: must add up to 1, adds up to 1.1");
    }

    @Test
    void anUnknownTimeZoneAndAChanceAboveOneAreNamedWithTheirSegment() throws IOException {
        Path file = edited("Europe/London", "Europe/Atlantis");
        Files.writeString(file, Files.readString(file).replaceFirst("surveyAnswered: 0.6", "surveyAnswered: 1.6"));

        assertThatThrownBy(() -> Behaviour.read(file))
                .hasMessageContaining("segments[0].timeZones: unknown time zone Europe/Atlantis")
                .hasMessageContaining("segments[0].surveyAnswered: a chance between 0 and 1, was 1.6");
    }

    @Test
    void anUnknownReturnReasonAndReasonsNotAddingUpAreNamedWithTheirSegment() throws IOException {
        Path file = edited("WRONG_ITEM: 0.1, NOT_AS_DESCRIBED: 0.2}", "BORED: 0.1, NOT_AS_DESCRIBED: 0.3}");

        assertThatThrownBy(() -> Behaviour.read(file))
                .hasMessageContaining("segments[0].returnReasons: BORED is not one of [CHANGED_MIND, DAMAGED,")
                .hasMessageContaining("segments[0].returnReasons: must add up to 1, adds up to 1.1");
    }

    @Test
    void aChanceBeforeTheFirstOrderAboveOneIsNamedWithItsSegmentAndTemplate() throws IOException {
        Path file = edited("browse-reminder-picks: 0.35", "browse-reminder-picks: 3.5");

        assertThatThrownBy(() -> Behaviour.read(file))
                .hasMessageContaining(
                        "segments[1].beforeFirstOrder.mailResponse.browse-reminder-picks: a chance between 0 and 1, was 3.5");
    }

    @Test
    void aMissingFieldIsNamed() throws IOException {
        Path file = edited("careCasesResolvedAfterDays: 2\n", "");

        assertThatThrownBy(() -> Behaviour.read(file)).hasMessageContaining("careCasesResolvedAfterDays");
    }

    @Test
    void theCommandLineCanShrinkThePopulationAndThePeriod() {
        Behaviour behaviour = Behaviour.read(Path.of("behaviour.yaml")).with(50, 20);

        assertThat(behaviour.customers()).isEqualTo(50);
        assertThat(behaviour.days()).isEqualTo(20);
    }

    private Path edited(String from, String to) throws IOException {
        String text = Files.readString(Path.of("behaviour.yaml"));
        assertThat(text).contains(from);
        Path file = dir.resolve("behaviour.yaml");
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
        return file;
    }
}
