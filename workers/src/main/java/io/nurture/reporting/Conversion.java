package io.nurture.reporting;

/**
 * What the journey reports count as a message's conversion, in one place for the uplift and the
 * experiments reports: an order of the customer's placed within the window after the message
 * ({@code :window}, in seconds), delivered, and not a return's replacement.
 */
final class Conversion {

    private Conversion() {}

    /**
     * The condition on {@code orders o} for a message row {@code message} with the columns
     * {@code customer_id} and {@code at}.
     */
    static String ofOrderAfter(String message) {
        return """
                o.customer_id = %1$s.customer_id AND o.status = 'DELIVERED' AND o.replaces_order_id IS NULL
                     AND o.created_at > %1$s.at AND o.created_at <= DATE_ADD(%1$s.at, INTERVAL :window SECOND)""".formatted(message);
    }
}
