package io.nurture.simulation;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Two runs of the same population and seed on two sets of models, and how their figures differ. */
record Comparison(Figures a, Figures b, Map<String, Difference> differences) {

    /** @param delta B − A, null when either figure is missing; {@code relative} as text, e.g. "+12.5 %" */
    record Difference(Double a, Double b, Double delta, String relative) {}

    static Comparison of(Figures a, Figures b) {
        Set<String> names = new LinkedHashSet<>(a.key().keySet());
        names.addAll(b.key().keySet());
        Map<String, Difference> differences = new LinkedHashMap<>();
        names.forEach(name ->
                differences.put(name, difference(a.key().get(name), b.key().get(name))));
        return new Comparison(a, b, differences);
    }

    static Difference difference(Double a, Double b) {
        if (a == null || b == null) {
            return new Difference(a, b, null, "");
        }
        double delta = b - a;
        String relative =
                delta == 0 ? "" : a == 0 ? "new" : String.format(Locale.ROOT, "%+.1f %%", 100 * delta / Math.abs(a));
        return new Difference(a, b, delta, relative);
    }
}
