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

    /** Most in the customer's favour first: a return with a damaged item is judged as damaged. */
    private static final List<ReturnReason> IN_CUSTOMERS_FAVOUR =
            List.of(DAMAGED, WRONG_ITEM, NOT_AS_DESCRIBED, OTHER, CHANGED_MIND);

    /** The reason the eligibility table decides on when a return's lines give several. */
    static ReturnReason leading(Collection<ReturnReason> reasons) {
        return reasons.stream()
                .min(Comparator.comparingInt(IN_CUSTOMERS_FAVOUR::indexOf))
                .orElseThrow();
    }
}
