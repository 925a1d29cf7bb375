package io.nurture.processes;

/** The names {@code goodwill-refund.bpmn} shares with Java. */
public final class GoodwillRefund {

    public static final String PROCESS_ID = "goodwill-refund";

    private GoodwillRefund() {}

    public static final class JobType {
        public static final String GIVE_GOODWILL_REFUND = "give-goodwill-refund";

        private JobType() {}
    }

    public static final class Message {
        /** Starts the process; its correlation key is the refund's id. */
        public static final String GRANTED = "GoodwillRefundGranted";

        private Message() {}
    }

    public static final class Variable {
        public static final String REFUND_ID = "refundId";

        private Variable() {}
    }
}
