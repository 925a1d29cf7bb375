package io.nurture.broker;

import io.nurture.clock.EngineProgress;
import java.util.List;

/**
 * The steps the engine has taken, read from the broker's own counters: elements entered and left,
 * jobs created, pushed, activated, completed, failed or timed out. Each step a process takes moves
 * one of them; an empty poll by a job worker, a message kept for later or a look at the topology
 * moves none. And of those, the jobs handed out to workers: activated by a poll, or pushed on a
 * stream.
 */
final class EngineSteps {

    private static final String ELEMENT_EVENTS = "zeebe_element_instance_events_total";
    private static final String JOB_EVENTS = "zeebe_job_events_total";
    private static final String PUSHES_FAILED = "zeebe_broker_jobs_push_fail_count_total";
    private static final List<String> STEPS = List.of(ELEMENT_EVENTS, JOB_EVENTS);

    /** Asks the broker's Prometheus endpoint for these counters alone. */
    static final String QUERY = "includedNames=" + String.join(",", ELEMENT_EVENTS, JOB_EVENTS, PUSHES_FAILED);

    private EngineSteps() {}

    /**
     * @param exposition the broker's metrics in Prometheus' text format
     * @return the steps; the jobs handed out, or -1 (cannot say) once a push has failed, since its
     *     job went back to wait for a poll and a push reported failed may still have reached its
     *     client; the pushes that failed
     */
    static EngineProgress.Counts count(String exposition) {
        double steps = 0;
        double handedOut = 0;
        double pushesFailed = 0;
        for (String line : exposition.split("\n")) {
            if (STEPS.stream().anyMatch(counter -> isSampleOf(line, counter))) {
                steps += value(line);
            }
            if (isSampleOf(line, JOB_EVENTS)
                    && (line.contains("action=\"activated\"") || line.contains("action=\"pushed\""))) {
                handedOut += value(line);
            } else if (isSampleOf(line, PUSHES_FAILED)) {
                pushesFailed += value(line);
            }
        }
        return new EngineProgress.Counts((long) steps, pushesFailed > 0 ? -1 : (long) handedOut, (long) pushesFailed);
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private static boolean isSampleOf(String line, String counter) {
        return line.startsWith(counter)
                && line.length() > counter.length()
                && (line.charAt(counter.length()) == '{' || line.charAt(counter.length()) == ' ');
    }
}
