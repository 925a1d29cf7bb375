package io.nurture.customer;

/** Where a customer stands in the lifecycle; see the product notes for the transitions. */
public enum LifecycleStage {
    PROSPECT,
    CONVERTED,
    RETAINED,
    ADVOCATE,
    AT_RISK,
    LAPSED
}
