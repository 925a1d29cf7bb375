package io.nurture.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nurture.reporting.ExperimentVerdict.Arm;
import io.nurture.reporting.ExperimentVerdict.Status;
import io.nurture.reporting.ExperimentVerdict.StepExperiment;
import io.nurture.reporting.ExperimentVerdict.VariantResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fixed-horizon rule on scripted populations whose answer is worked out by hand: rates, the
 * difference to the control, its interval (normal approximation, Bonferroni-corrected) and the call.
 */
class ExperimentVerdictTest {

    private static final long HORIZON = 1000;

    @Test
    void aVariantThatConvertsFifteenInAHundredAgainstTenWinsAtTheHorizon() {
        StepExperiment test =
                ExperimentVerdict.of("BROWSE_REMINDER", List.of(arm("A", 1000, 100), arm("B", 1000, 150)), HORIZON);

        // se = sqrt(.15 * .85 / 1000 + .1 * .9 / 1000) = .0147479; 1.959964 * se = .0289053
        VariantResult b = test.variants().get(1);
        assertThat(b.rate()).isEqualTo(0.15);
        assertThat(b.difference()).isCloseTo(0.05, within(1e-12));
        assertThat(b.low()).isCloseTo(0.0210947, within(1e-6));
        assertThat(b.high()).isCloseTo(0.0789053, within(1e-6));
        assertThat(test.confidence()).isCloseTo(0.95, within(1e-12));
        assertThat(test.status()).isEqualTo(Status.WINNER);
        assertThat(test.winner()).isEqualTo("B");
        assertThat(test.variants().get(0).control()).isTrue();
    }

    @Test
    void withTwoVariantsEachComparisonIsHeldToTheStricterLevel() {
        StepExperiment test = ExperimentVerdict.of(
                "BROWSE_REMINDER", List.of(arm("A", 1000, 100), arm("B", 1000, 130), arm("C", 1000, 90)), HORIZON);

        // Alone, B's 3 points would win (1.96 * .0142513 = .0279); held to 97.5 % per comparison
        // (z = 2.241403) the interval reaches below zero: -.0019428 to .0619428.
        VariantResult b = test.variants().get(1);
        assertThat(test.confidence()).isCloseTo(0.975, within(1e-12));
        assertThat(b.low()).isCloseTo(-0.0019428, within(1e-6));
        assertThat(b.high()).isCloseTo(0.0619428, within(1e-6));
        assertThat(test.status()).isEqualTo(Status.CONTROL_HOLDS);
        assertThat(test.winner()).isNull();
    }

    @Test
    void noCallIsMadeBeforeEveryVariantReachedTheHorizon() {
        StepExperiment test =
                ExperimentVerdict.of("BROWSE_REMINDER", List.of(arm("A", 1000, 100), arm("B", 999, 200)), HORIZON);

        assertThat(test.variants().get(1).low()).as("already far apart").isPositive();
        assertThat(test.status()).isEqualTo(Status.COLLECTING);
        assertThat(test.winner()).isNull();
    }

    @Test
    void ofTwoVariantsThatBothBeatTheControlTheBetterOneWins() {
        StepExperiment test = ExperimentVerdict.of(
                "BROWSE_REMINDER", List.of(arm("A", 1000, 100), arm("B", 1000, 160), arm("C", 1000, 190)), HORIZON);

        assertThat(test.variants())
                .filteredOn(v -> !v.control())
                .allSatisfy(v -> assertThat(v.low()).isPositive());
        assertThat(test.winner()).isEqualTo("C");
    }

    @Test
    void aVariantNobodyWasSentYetHasNoRateAndNoInterval() {
        StepExperiment test = ExperimentVerdict.of("BROWSE_REMINDER", List.of(arm("A", 3, 1), arm("B", 0, 0)), HORIZON);

        assertThat(test.variants().get(1).rate()).isNull();
        assertThat(test.variants().get(1).difference()).isNull();
        assertThat(test.status()).isEqualTo(Status.COLLECTING);
    }

    @Test
    void theNormalQuantilesAreTheTablesOnes() {
        assertThat(Normal.quantile(0.975)).isCloseTo(1.959964, within(1e-6));
        assertThat(Normal.quantile(0.9875)).isCloseTo(2.241403, within(1e-6));
        assertThat(Normal.quantile(0.5)).isCloseTo(0, within(1e-9));
        assertThat(Normal.quantile(0.001)).isCloseTo(-3.090232, within(1e-6));
    }

    private static Arm arm(String variant, long customers, long conversions) {
        return new Arm(variant, "template-" + variant.toLowerCase(), customers, conversions);
    }
}
