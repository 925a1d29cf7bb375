package io.nurture.clock;

/**
 * What the engine has done so far, from the local broker's own counters. Only where clock control
 * is on.
 */
@FunctionalInterface
public interface EngineProgress {

    Counts read();

    /**
     * @param steps elements entered and left and jobs created, handed out and finished: a count that
     *     stands still while the engine has nothing to do; -1 where the broker cannot say
     * @param jobsHandedOut jobs given to workers, by their polls or pushed on their streams; -1 where
     *     the broker cannot say (once a push has failed)
     * @param jobPushesFailed pushes the broker gave up on (the client's stream was blocked): each
     *     such job went back to wait for a worker's next poll; -1 where the broker cannot say
     */
    record Counts(long steps, long jobsHandedOut, long jobPushesFailed) {

        public static final Counts UNKNOWN = new Counts(-1, -1, -1);
    }
}
