package io.nurture.returns;

/** What the customer asks for in exchange for what they send back. */
public enum Remedy {
    /** The accepted items' value back through the order's money ledger. */
    REFUND,
    /** The accepted items again, shipped as an order of their own with a total of zero. */
    REPLACEMENT
}
