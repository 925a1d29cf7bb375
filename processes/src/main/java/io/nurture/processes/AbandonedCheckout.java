package io.nurture.processes;

/** The names {@code abandoned-checkout.bpmn} and {@code cart-coupon.dmn} share with Java. */
public final class AbandonedCheckout {

    public static final String PROCESS_ID = "abandoned-checkout";
    public static final String COUPON_DECISION_ID = "cart-coupon";

    private AbandonedCheckout() {}

    public static final class JobType {
        public static final String COLLECT_CHECKOUT_FACTS = "collect-checkout-facts";
        public static final String SEND_CART_REMINDER = "send-cart-reminder";
        public static final String RECORD_CHECKOUT_RECOVERED = "record-checkout-recovered";

        private JobType() {}
    }

    /** All correlated by {@link Variable#CART_ID}: one journey per cart. */
    public static final class Message {
        /** Starts the journey; the engine starts at most one per cart at a time. */
        public static final String CHECKOUT_STARTED = "CheckoutStarted";
        /** The customer ordered: the journey's goal. */
        public static final String CHECKOUT_CONVERTED = "CheckoutConverted";
        /** The shop emptied the cart. */
        public static final String CART_EMPTIED = "CartEmptied";
        /** The customer withdrew their marketing consent. */
        public static final String CUSTOMER_UNSUBSCRIBED = "CustomerUnsubscribed";

        private Message() {}
    }

    public static final class Variable {
        public static final String CART_ID = "cartId";
        /** When the checkout began (ISO-8601 instant): the reminders are due counted from it. */
        public static final String CHECKOUT_STARTED_AT = "checkoutStartedAt";
        /** A customer sent a cart reminder within it gets no reminders for another cart: a model input (ISO-8601). */
        public static final String REENTRY_COOLDOWN = "reentryCooldown";

        public static final String REMINDED_RECENTLY = "remindedRecently";
        public static final String ORDERS_PLACED = "ordersPlaced";
        public static final String CART_VALUE = "cartValue";
        /** Which reminder a send task is: 1, 2 or 3 (an input of the task). */
        public static final String REMINDER = "reminder";
        /** The cart coupon table's answer: percent off for the last reminder; 0 for none. */
        public static final String COUPON_PERCENT = "couponPercent";

        private Variable() {}
    }
}
