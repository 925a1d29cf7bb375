package io.nurture.customer;

/** What an import did with one person. */
public record Imported(String customerId, Outcome outcome) {

    public enum Outcome {
        /** Nurture did not know them: registered, with their answer on consent. */
        REGISTERED,
        /** Known, and their answer there is newer than the one Nurture holds: it holds now. */
        CONSENT_TAKEN,
        /** Known, with an answer here as new as theirs there or newer: nothing changed. */
        UNCHANGED
    }
}
