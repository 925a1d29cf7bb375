package io.nurture.inbox;

import io.nurture.processes.StaffWait;

/** Nothing of this kind waits for staff under this id: no order in review, no open care case, ... */
public class UnknownItemException extends RuntimeException {

    UnknownItemException(StaffWait wait, String subjectId) {
        super("No " + wait + " waits for staff under " + subjectId);
    }
}
