package io.nurture.broker;

import java.util.List;

/**
 * The steps the engine has taken, read from the broker's own counters: elements entered and left,
 * jobs created, pushed, activated, completed, failed or timed out. Each step a process takes moves
 * one of them; an empty poll by a job worker, a message kept for later or a look at the topology
 * moves none.
 */
final class EngineSteps {

    private static final List<String> COUNTERS =
            List.of("zeebe_element_instance_events_total", "zeebe_job_events_total");

    /** Asks the broker's Prometheus endpoint for these counters alone. */
    static final String QUERY = "includedNames=" + String.join(",", COUNTERS);

    private EngineSteps() {}

    /** @param exposition the broker's metrics in Prometheus' text format */
    static long count(String exposition) {
        double sum = 0;
        for (String line : exposition.split("\n")) {
            if (COUNTERS.stream().anyMatch(counter -> isSampleOf(line, counter))) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) sum;
    }

    private static boolean isSampleOf(String line, String counter) {
        return line.startsWith(counter)
                && line.length() > counter.length()
                && (line.charAt(counter.length()) == '{' || line.charAt(counter.length()) == ' ');
    }
}
