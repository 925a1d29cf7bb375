package io.nurture.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What an A/B/n test of one message step says, by the fixed-horizon rule (docs/experiments.md): each
 * variant is compared with the control (the first the model lists) by the difference of their
 * conversion rates, with a two-sided confidence interval at 95 % overall, Bonferroni-corrected for
 * the number of comparisons (normal approximation for a difference of two proportions). Nothing is
 * called before every variant has reached the horizon, the number of customers per variant the test
 * was planned for: looking earlier and stopping at the first good look finds winners that are not.
 * At the horizon, the variant whose interval lies wholly above zero with the largest difference
 * wins; if none does, the control holds.
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

    /** One variant's counts; the first of a step is the control. */
    public record Arm(String variant, String template, long customers, long conversions) {
        double rate() {
            return customers == 0 ? 0 : (double) conversions / customers;
        }
    }

    /**
     * @param control    the variant the others are measured against
     * @param difference its conversion rate minus the control's; null for the control
     * @param low        lower end of the corrected confidence interval of the difference
     */
    public record VariantResult(
            String variant,
            String template,
            boolean control,
            long customers,
            long conversions,
            Double rate,
            Double difference,
            Double low,
            Double high) {}

    /**
     * @param confidence the per-comparison confidence level after the correction (0.95 for one comparison)
     * @param winner     the winning variant's name; null unless {@code status} is WINNER
     */
    public record StepExperiment(
            String step, long horizon, double confidence, Status status, String winner, List<VariantResult> variants) {}

    /** The verdict on one step's arms, control first. */
    public static StepExperiment of(String step, List<Arm> arms, long horizon) {
        Arm control = arms.get(0);
        int comparisons = Math.max(1, arms.size() - 1);
        double perComparison = ALPHA / comparisons;
        double z = Normal.quantile(1 - perComparison / 2);
        List<VariantResult> results = new ArrayList<>();
        results.add(new VariantResult(
                control.variant(),
                control.template(),
                true,
                control.customers(),
                control.conversions(),
                rateOf(control),
                null,
                null,
                null));
        for (Arm arm : arms.subList(1, arms.size())) {
            results.add(compared(arm, control, z));
        }
        boolean atHorizon = arms.stream().allMatch(arm -> arm.customers() >= horizon);
        String winner = atHorizon
                ? results.stream()
                        .filter(result -> !result.control() && result.low() != null && result.low() > 0)
                        .max(Comparator.comparingDouble(VariantResult::difference))
                        .map(VariantResult::variant)
                        .orElse(null)
                : null;
        Status status = !atHorizon ? Status.COLLECTING : winner != null ? Status.WINNER : Status.CONTROL_HOLDS;
        return new StepExperiment(step, horizon, 1 - perComparison, status, winner, results);
    }

    private static VariantResult compared(Arm arm, Arm control, double z) {
        Double difference = null;
        Double low = null;
        Double high = null;
        if (arm.customers() > 0 && control.customers() > 0) {
            difference = arm.rate() - control.rate();
            double margin = z
                    * Math.sqrt(arm.rate() * (1 - arm.rate()) / arm.customers()
                            + control.rate() * (1 - control.rate()) / control.customers());
            low = difference - margin;
            high = difference + margin;
        }
        return new VariantResult(
                arm.variant(),
                arm.template(),
                false,
                arm.customers(),
                arm.conversions(),
                rateOf(arm),
                difference,
                low,
                high);
    }

    private static Double rateOf(Arm arm) {
        return arm.customers() == 0 ? null : arm.rate();
    }
}
