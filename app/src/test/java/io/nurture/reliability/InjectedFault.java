package io.nurture.reliability;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test of the fault suite: a row of the results table {@link ReliabilityReport} writes.
 * What the test measured goes to the table through JUnit's {@code TestReporter} under the key
 * {@value ReliabilityReport#MEASURED}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface InjectedFault {

    /** The case's number in docs/reliability.md. */
    int id();

    /** What goes wrong, as ops would say it. */
    String fault();

    /** How the test makes it go wrong. */
    String injected();

    /** What must still hold: the test's assertions, in a sentence. */
    String holds();
}
