package io.nurture.simulation;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Every choice of the simulation, drawn from the seed, the customer, what is decided and which
 * occurrence it is: never from the order in which the day's events happen to arrive, so a run is
 * the same whatever the engine's timing.
 */
final class Dice {

    private final long seed;

    Dice(long seed) {
        this.seed = seed;
    }

    /** A number in [0, 1) for this customer's n-th decision of this kind. */
    double roll(int customer, String decision, long n) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ customer);
        for (byte b : decision.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ b);
        }
        h = mix(h ^ n);
        return (h >>> 11) * 0x1.0p-53;
    }

    boolean chance(int customer, String decision, long n, double chance) {
        return roll(customer, decision, n) < chance;
    }

    /** A whole number from 0 to {@code bound - 1}. */
    int below(int customer, String decision, long n, int bound) {
        return (int) (roll(customer, decision, n) * bound);
    }

    /** One of the keys, each as likely as its weight (the weights add up to 1). */
    <T extends Comparable<T>> T pick(int customer, String decision, long n, Map<T, Double> weights) {
        NavigableMap<Double, T> cumulative = new TreeMap<>();
        double sum = 0;
        for (Map.Entry<T, Double> entry : new TreeMap<>(weights).entrySet()) {
            if (entry.getValue() > 0) {
                sum += entry.getValue();
                cumulative.put(sum, entry.getKey());
            }
        }
        Map.Entry<Double, T> hit = cumulative.higherEntry(roll(customer, decision, n) * sum);
        return hit == null ? cumulative.lastEntry().getValue() : hit.getValue();
    }

    /** SplitMix64's finaliser: a well-spread 64-bit hash. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
