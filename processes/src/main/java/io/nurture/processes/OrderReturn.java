package io.nurture.processes;

/** The names {@code order-return.bpmn} and {@code return-eligibility.dmn} share with Java. */
public final class OrderReturn {

    public static final String PROCESS_ID = "order-return";
    public static final String ELIGIBILITY_DECISION_ID = "return-eligibility";

    private OrderReturn() {}

    public static final class JobType {
        public static final String COLLECT_RETURN_FACTS = "collect-return-facts";
        public static final String HOLD_RETURN_FOR_REVIEW = "hold-return-for-review";
        public static final String RECORD_RETURN_REVIEW = "record-return-review";
        public static final String REJECT_RETURN = "reject-return";
        public static final String SEND_RETURN_LABEL = "send-return-label";
        public static final String RECEIVE_RETURN_PARCEL = "receive-return-parcel";
        public static final String CLOSE_UNSENT_RETURN = "close-unsent-return";
        public static final String SETTLE_RETURN = "settle-return";
        public static final String REFUND_RETURN = "refund-return";
        public static final String SHIP_REPLACEMENT = "ship-replacement";

        private JobType() {}
    }

    /** The start message's correlation key is the return's id, as every other message's of this process. */
    public static final class Message {
        public static final String REQUESTED = "ReturnRequested";
        public static final String REVIEWED = "ReturnReviewed";
        public static final String PARCEL_RECEIVED = "ReturnParcelReceived";
        public static final String PARCEL_INSPECTED = "ReturnParcelInspected";

        private Message() {}
    }

    public static final class Variable {
        public static final String RETURN_ID = "returnId";
        public static final String DAYS_SINCE_DELIVERY = "daysSinceDelivery";
        public static final String RETURN_REASON = "returnReason";
        public static final String INCLUDES_FOOD = "includesFood";
        public static final String RETURN_VALUE = "returnValue";
        public static final String RETURN_DECISION = "returnDecision";
        public static final String REJECTION_REASON = "rejectionReason";
        public static final String SHIPPING_PAID_BY = "returnShippingPaidBy";
        public static final String RESTOCKING_FEE_PERCENT = "restockingFeePercent";
        public static final String SKIP_PARCEL = "skipParcel";
        /** The review as recorded on the return: staff's decision, or an approval after 3 days without one. */
        public static final String RETURN_APPROVED = "returnApproved";

        public static final String REFUND_AMOUNT = "refundAmount";
        /** REFUND or REPLACEMENT, as the customer asked. */
        public static final String REMEDY = "remedy";
        /** Whether the accepted items ship again instead of a refund. */
        public static final String REPLACEMENT_DUE = "replacementDue";

        private Variable() {}
    }
}
