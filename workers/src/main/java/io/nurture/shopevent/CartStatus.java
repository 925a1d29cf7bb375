package io.nurture.shopevent;

public enum CartStatus {
    /** Has lines; no order yet. */
    OPEN,
    /** The shop emptied it. */
    EMPTIED,
    /** Its customer placed an order after its checkout began. */
    ORDERED
}
