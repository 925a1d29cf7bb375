package io.nurture.inbox;

import io.nurture.processes.StaffWait;

/** A colleague holds a claim on the item that has not lapsed. */
public class ClaimedByAnotherException extends RuntimeException {

    private final transient Claim claim;

    ClaimedByAnotherException(StaffWait wait, String subjectId, Claim claim) {
        super(claim.claimedBy() + " is on " + wait + " " + subjectId + " until " + claim.lapsesAt());
        this.claim = claim;
    }

    public Claim claim() {
        return claim;
    }
}
