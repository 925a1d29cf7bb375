package io.nurture.clock;

/**
 * How far the engine has processed what it was told: a number that stands still while the engine
 * has nothing to do (the local broker's processed log positions). Only where clock control is on.
 */
@FunctionalInterface
public interface EngineProgress {

    long processedPosition();
}
