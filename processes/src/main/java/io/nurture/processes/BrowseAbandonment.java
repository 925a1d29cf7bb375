package io.nurture.processes;

/** The names {@code browse-abandonment.bpmn} shares with Java. */
public final class BrowseAbandonment {

    public static final String PROCESS_ID = "browse-abandonment";

    private BrowseAbandonment() {}

    public static final class JobType {
        public static final String SEND_BROWSE_REMINDER = "send-browse-reminder";

        private JobType() {}
    }

    /** Both correlated by {@link OrderFulfillment.Variable#CUSTOMER_ID}: one journey per customer. */
    public static final class Message {
        /**
         * A known customer viewed one product several times without a cart: starts the journey; the engine
         * starts at most one per customer id at a time.
         */
        public static final String PRODUCT_BROWSED = "ProductBrowsed";
        /** The customer started a cart: the journey reached its goal and sends nothing. */
        public static final String CART_STARTED = "CartStarted";

        private Message() {}
    }

    public static final class Variable {
        /** The product the customer viewed: the reminder names it. Carried by {@link Message#PRODUCT_BROWSED}. */
        public static final String SKU = "sku";

        private Variable() {}
    }
}
