package io.nurture.processes;

/** The names {@code customer-retention.bpmn} and {@code customer-segment.dmn} share with Java. */
public final class CustomerRetention {

    public static final String PROCESS_ID = "customer-retention";
    public static final String SEGMENT_DECISION_ID = "customer-segment";

    private CustomerRetention() {}

    public static final class JobType {
        public static final String MARK_CUSTOMER_AT_RISK = "mark-customer-at-risk";
        public static final String SEND_RE_ENGAGEMENT = "send-re-engagement";
        public static final String COLLECT_CUSTOMER_FACTS = "collect-customer-facts";
        public static final String SEND_WIN_BACK_OFFER = "send-win-back-offer";
        public static final String MARK_CUSTOMER_LAPSED = "mark-customer-lapsed";

        private JobType() {}
    }

    /** Both correlated by {@link OrderFulfillment.Variable#CUSTOMER_ID}: one journey per customer. */
    public static final class Message {
        /** Starts the journey; the engine starts at most one per customer id at a time. */
        public static final String JOURNEY_REQUESTED = "RetentionJourneyRequested";
        /** A delivered purchase: restarts the count of a running journey. */
        public static final String PURCHASE_DELIVERED = "PurchaseDelivered";

        private Message() {}
    }

    public static final class Variable {
        public static final String TOTAL_SPENT = "totalSpent";
        public static final String ORDER_COUNT = "orderCount";
        public static final String DAYS_SINCE_LAST_ORDER = "daysSinceLastOrder";
        public static final String SEGMENT_OFFER = "segmentOffer";
        /**
         * When the customer placed their latest delivered order (ISO-8601 instant): re-engagement,
         * win-back and lapse count from it. Carried by both messages.
         */
        public static final String LAST_PURCHASE_AT = "lastPurchaseAt";

        private Variable() {}
    }
}
