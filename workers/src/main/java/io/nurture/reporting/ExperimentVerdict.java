package io.nurture.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What an A/B/n test of one message step says, by the fixed-horizon rule (docs/experiments.md): each
 * variant is compared with the control (the first the model lists) by the difference of their
 * conversion rates, with a two-sided confidence interval at 95 % overall, Bonferroni-corrected for
 * the number of comparisons. The interval is Newcombe's hybrid score interval (from each rate's
 * Wilson interval), which stays honest for small groups and for rates of 0 or 1, where the plain
 * normal approximation shrinks to nothing. Nothing is called before every variant has reached the
 * horizon, the number of customers per variant the test was planned for: looking earlier and
 * stopping at the first good look finds winners that are not. At the horizon, the variant whose
 * interval lies wholly above zero with the largest difference wins; if none does, the control holds.
 */
public final class ExperimentVerdict {

    /** The overall chance of calling a winner where there is none. */
    static final double ALPHA = 0.05;

    private ExperimentVerdict() {}

    /** Where the test stands. */
    public enum Status {
        /** A variant has not reached the horizon yet: no call. */
        COLLECTING,
        /** At the horizon, a variant converts better than the control. */
        WINNER,
        /** At the horizon, no variant converts better than the control. */
        CONTROL_HOLDS
    }

    /**
     * One variant's counts.
     *
     * @param position  its place in the model's list; 0 is the control
     * @param customers customers sent it whose window has closed, so whether they ordered is known
     * @param awaiting  customers sent it whose window is still open: not counted yet
     */
    public record Arm(String variant, int position, String template, long customers, long conversions, long awaiting) {
        double rate() {
            return customers == 0 ? 0 : (double) conversions / customers;
        }
    }

    /**
     * @param difference its conversion rate minus the control's; null for the control and while either has no customers
     * @param low        lower end of the corrected confidence interval of the difference
     */
    public record VariantResult(
            String variant,
            String template,
            boolean control,
            long customers,
            long conversions,
            long awaitingOutcome,
            Double rate,
            Double difference,
            Double low,
            Double high) {}

    /**
     * @param experiment the list of variants the model set (a hash of it): a changed list is a new test
     * @param since      when its first customer was placed
     * @param confidence the per-comparison confidence level after the correction (0.95 for one comparison)
     * @param winner     the winning variant's name; null unless {@code status} is WINNER
     */
    public record StepExperiment(
            String step,
            String experiment,
            Instant since,
            long horizon,
            double confidence,
            Status status,
            String winner,
            List<VariantResult> variants) {}

    /**
     * The verdict on one experiment's arms, in the model's order.
     *
     * @param variantCount how many variants the model's list has (an arm nobody was placed in yet is missing)
     */
    public static StepExperiment of(
            String step, String experiment, Instant since, List<Arm> arms, int variantCount, long horizon) {
        int comparisons = Math.max(1, variantCount - 1);
        double perComparison = ALPHA / comparisons;
        double z = Normal.quantile(1 - perComparison / 2);
        Optional<Arm> control = arms.stream().filter(arm -> arm.position() == 0).findFirst();
        List<VariantResult> results = new ArrayList<>();
        for (Arm arm : arms) {
            results.add(arm.position() == 0 || control.isEmpty() ? alone(arm) : compared(arm, control.get(), z));
        }
        boolean atHorizon = arms.size() == variantCount
                && control.isPresent()
                && arms.stream().allMatch(arm -> arm.customers() >= horizon);
        String winner = atHorizon
                ? results.stream()
                        .filter(result -> result.low() != null && result.low() > 0)
                        .max(Comparator.comparingDouble(VariantResult::difference))
                        .map(VariantResult::variant)
                        .orElse(null)
                : null;
        Status status = !atHorizon ? Status.COLLECTING : winner != null ? Status.WINNER : Status.CONTROL_HOLDS;
        return new StepExperiment(step, experiment, since, horizon, 1 - perComparison, status, winner, results);
    }

    private static VariantResult alone(Arm arm) {
        return result(arm, null, null, null);
    }

    private static VariantResult compared(Arm arm, Arm control, double z) {
        if (arm.customers() == 0 || control.customers() == 0) {
            return alone(arm);
        }
        double[] variant = wilson(arm, z);
        double[] base = wilson(control, z);
        double difference = arm.rate() - control.rate();
        double low = difference - Math.hypot(arm.rate() - variant[0], base[1] - control.rate());
        double high = difference + Math.hypot(variant[1] - arm.rate(), control.rate() - base[0]);
        return result(arm, difference, low, high);
    }

    private static VariantResult result(Arm arm, Double difference, Double low, Double high) {
        return new VariantResult(
                arm.variant(),
                arm.template(),
                arm.position() == 0,
                arm.customers(),
                arm.conversions(),
                arm.awaiting(),
                arm.customers() == 0 ? null : arm.rate(),
                difference,
                low,
                high);
    }

    /** Wilson's score interval of one rate: {low, high}. */
    static double[] wilson(Arm arm, double z) {
        double n = arm.customers();
        double p = arm.rate();
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new double[] {centre - half, centre + half};
    }
}
