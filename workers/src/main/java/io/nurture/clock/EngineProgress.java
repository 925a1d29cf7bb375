package io.nurture.clock;

/**
 * How many steps the engine has taken: a count that stands still while the engine has nothing to
 * do (the local broker's own counters of elements and jobs). Only where clock control is on.
 */
@FunctionalInterface
public interface EngineProgress {

    long stepsTaken();
}
