package io.nurture.returns;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

public enum ReturnReason {
    CHANGED_MIND,
    WRONG_ITEM,
    DAMAGED,
    NOT_AS_DESCRIBED,
    OTHER;

    /** Least in the customer's favour first. */
    private static final List<ReturnReason> AGAINST_THE_CUSTOMER =
            List.of(CHANGED_MIND, OTHER, NOT_AS_DESCRIBED, WRONG_ITEM, DAMAGED);

    /**
     * The reason the eligibility table decides a return on when its lines give several: the one
     * least in the customer's favour, so one damaged item cannot carry the rest of a return past the
     * rules (refunded without a parcel, tea taken back for a change of mind).
     */
    static ReturnReason decisive(Collection<ReturnReason> reasons) {
        return reasons.stream()
                .min(Comparator.comparingInt(AGAINST_THE_CUSTOMER::indexOf))
                .orElseThrow();
    }
}
