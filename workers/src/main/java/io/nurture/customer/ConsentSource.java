package io.nurture.customer;

/** How a consent was given or withdrawn. */
public enum ConsentSource {
    /** The shop's order form, through the order's {@code customer.marketingConsent}. */
    ORDER_FORM,
    /** The one-click unsubscribe link in a marketing mail. */
    LINK,
    /** The preferences page a marketing mail links to. */
    PAGE,
    /** Staff, through the staff API (the staff client is recorded). */
    STAFF,
    /** The link in the mail that asks to confirm a sign-up (double opt-in). */
    SIGN_UP,
    /**
     * Given in the shop's earlier system and brought in by staff ({@code POST /api/customers/imports}):
     * the wording is what the person saw there, the time when they answered there.
     */
    IMPORT
}
