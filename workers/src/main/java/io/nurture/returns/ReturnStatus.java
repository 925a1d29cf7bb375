package io.nurture.returns;

import java.util.Set;

public enum ReturnStatus {
    /** Asked for; the eligibility table decides next. */
    REQUESTED,
    /** Waiting for staff to approve or refuse it. */
    IN_REVIEW,
    REJECTED,
    /** Label sent; waiting for the parcel. */
    AWAITING_PARCEL,
    /** The parcel is back; waiting for inspection. */
    RECEIVED,
    /** Inspected; being settled. */
    INSPECTED,
    /** Accepted items are being refunded. */
    REFUNDING,
    /** The refund was given back to the card, or is owed to a transfer staff pay out. */
    REFUNDED,
    /** Accepted items are being sent again. */
    REPLACING,
    /** The replacement order is placed; it ships through order fulfilment. */
    REPLACED,
    /** Accepted, but nothing was left to refund (the fees, or earlier refunds, used it up). */
    SETTLED,
    /** Inspection accepted nothing: no refund. */
    NOTHING_ACCEPTED,
    /** No parcel arrived within 21 days of the label. */
    NOT_SENT_BACK;

    private static final Set<ReturnStatus> FINISHED =
            Set.of(REJECTED, REFUNDED, REPLACED, SETTLED, NOTHING_ACCEPTED, NOT_SENT_BACK);

    public boolean isFinished() {
        return FINISHED.contains(this);
    }

    /** Ended without taking anything back: their items can be asked back again. */
    static final Set<ReturnStatus> TAKES_NOTHING_BACK = Set.of(REJECTED, NOT_SENT_BACK);
}
