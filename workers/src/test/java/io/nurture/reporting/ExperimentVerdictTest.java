package io.nurture.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nurture.reporting.ExperimentVerdict.Arm;
import io.nurture.reporting.ExperimentVerdict.Status;
import io.nurture.reporting.ExperimentVerdict.StepExperiment;
import io.nurture.reporting.ExperimentVerdict.VariantResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fixed-horizon rule on scripted populations whose answer is worked out by hand: rates, the
 * difference to the control, its interval (Newcombe's hybrid score interval from the two Wilson
 * intervals, Bonferroni-corrected) and the call.
 */
class ExperimentVerdictTest {

    private static final long HORIZON = 1000;

    @Test
    void aVariantThatConvertsFifteenInAHundredAgainstTenWinsAtTheHorizon() {
        StepExperiment test = of(arm("A", 1000, 100), arm("B", 1000, 150));

        // Wilson at z = 1.959964: B .1290 to .1737, A .0829 to .1203;
        // .05 - hypot(.15 - .1290, .1203 - .10) and .05 + hypot(.1737 - .15, .10 - .0829)
        VariantResult b = test.variants().get(1);
        assertThat(b.rate()).isEqualTo(0.15);
        assertThat(b.difference()).isCloseTo(0.05, within(1e-12));
        assertThat(b.low()).isCloseTo(0.0210462, within(1e-6));
        assertThat(b.high()).isCloseTo(0.0790321, within(1e-6));
        assertThat(test.confidence()).isCloseTo(0.95, within(1e-12));
        assertThat(test.status()).isEqualTo(Status.WINNER);
        assertThat(test.winner()).isEqualTo("B");
        assertThat(test.variants().get(0).control()).isTrue();
    }

    @Test
    void withTwoVariantsEachComparisonIsHeldToTheStricterLevel() {
        StepExperiment test = of(arm("A", 1000, 100), arm("B", 1000, 130), arm("C", 1000, 90));

        // Held to 97.5 % per comparison (z = 2.241403), B's 3 points reach below zero.
        VariantResult b = test.variants().get(1);
        assertThat(test.confidence()).isCloseTo(0.975, within(1e-12));
        assertThat(b.low()).isCloseTo(-0.0020479, within(1e-6));
        assertThat(b.high()).isCloseTo(0.0621420, within(1e-6));
        assertThat(test.status()).isEqualTo(Status.CONTROL_HOLDS);
        assertThat(test.winner()).isNull();
        assertThat(of(arm("A", 1000, 100), arm("B", 1000, 130)).winner())
                .as("the same B in an A/B test")
                .isEqualTo("B");
    }

    @Test
    void noCallIsMadeBeforeEveryVariantReachedTheHorizon() {
        StepExperiment test = of(arm("A", 1000, 100), arm("B", 999, 200));

        assertThat(test.variants().get(1).low()).as("already far apart").isPositive();
        assertThat(test.status()).isEqualTo(Status.COLLECTING);
        assertThat(test.winner()).isNull();
    }

    @Test
    void ofTwoVariantsThatBothBeatTheControlTheBetterOneWins() {
        StepExperiment test = of(arm("A", 1000, 100), arm("B", 1000, 160), arm("C", 1000, 190));

        assertThat(test.variants())
                .filteredOn(variant -> !variant.control())
                .allSatisfy(variant -> assertThat(variant.low()).isPositive());
        assertThat(test.winner()).isEqualTo("C");
    }

    @Test
    void aVariantNobodyWasSentYetHasNoRateAndNoInterval() {
        StepExperiment test = of(arm("A", 3, 1), arm("B", 0, 0));

        assertThat(test.variants().get(1).rate()).isNull();
        assertThat(test.variants().get(1).difference()).isNull();
        assertThat(test.status()).isEqualTo(Status.COLLECTING);
    }

    @Test
    void oneCustomerWhoBoughtAgainstOneWhoDidNotIsNoWinner() {
        StepExperiment test = ExperimentVerdict.of(
                "BROWSE_REMINDER", "e1", Instant.EPOCH, List.of(arm("A", 0, 1, 0), arm("B", 1, 1, 1)), 2, 1);

        assertThat(test.variants().get(1).difference()).isEqualTo(1.0);
        assertThat(test.variants().get(1).low()).isCloseTo(-0.1221087, within(1e-6));
        assertThat(test.status()).isEqualTo(Status.CONTROL_HOLDS);
    }

    @Test
    void noCallIsMadeWhileAVariantOfTheListHasNobodyYet() {
        StepExperiment test = ExperimentVerdict.of(
                "BROWSE_REMINDER",
                "e1",
                Instant.EPOCH,
                List.of(arm("A", 0, 1000, 100), arm("B", 1, 1000, 200)),
                3,
                HORIZON);

        assertThat(test.status()).isEqualTo(Status.COLLECTING);
    }

    @Test
    void withoutTheControlNoVariantIsComparedWithAnything() {
        StepExperiment test =
                ExperimentVerdict.of("BROWSE_REMINDER", "e1", Instant.EPOCH, List.of(arm("B", 1, 10, 5)), 2, HORIZON);

        assertThat(test.variants().get(0).difference()).isNull();
        assertThat(test.variants().get(0).control()).isFalse();
        assertThat(test.status()).isEqualTo(Status.COLLECTING);
    }

    @Test
    void theNormalQuantilesAreTheTablesOnes() {
        assertThat(Normal.quantile(0.975)).isCloseTo(1.959964, within(1e-6));
        assertThat(Normal.quantile(0.9875)).isCloseTo(2.241403, within(1e-6));
        assertThat(Normal.quantile(0.5)).isCloseTo(0, within(1e-9));
        assertThat(Normal.quantile(0.001)).isCloseTo(-3.090232, within(1e-6));
    }

    /** The variants in the model's order, the first the control, every one placed. */
    private static StepExperiment of(Arm... arms) {
        List<Arm> placed = new ArrayList<>();
        for (int position = 0; position < arms.length; position++) {
            Arm arm = arms[position];
            placed.add(new Arm(arm.variant(), position, arm.template(), arm.customers(), arm.conversions(), 0));
        }
        return ExperimentVerdict.of("BROWSE_REMINDER", "e1", Instant.EPOCH, placed, arms.length, HORIZON);
    }

    private static Arm arm(String variant, long customers, long conversions) {
        return arm(variant, 0, customers, conversions);
    }

    private static Arm arm(String variant, int position, long customers, long conversions) {
        return new Arm(variant, position, "template-" + variant.toLowerCase(), customers, conversions, 0);
    }
}
