package io.nurture.inbox;

import io.nurture.processes.StaffWait;

/** Someone decided the item before: says who, when and what, instead of a bare state conflict. */
public class AlreadyDecidedException extends RuntimeException {

    private final transient Decision decision;

    AlreadyDecidedException(StaffWait wait, String subjectId, Decision decision, RuntimeException refusal) {
        super(
                wait + " " + subjectId + " was decided by " + decision.decidedBy() + " at " + decision.decidedAt()
                        + ": " + decision.outcome(),
                refusal);
        this.decision = decision;
    }

    public Decision decision() {
        return decision;
    }
}
