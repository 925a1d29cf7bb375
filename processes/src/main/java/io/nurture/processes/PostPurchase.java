package io.nurture.processes;

/** The names {@code post-purchase.bpmn} and {@code survey-follow-up.dmn} share with Java. */
public final class PostPurchase {

    public static final String PROCESS_ID = "post-purchase";
    public static final String FOLLOW_UP_DECISION_ID = "survey-follow-up";

    private PostPurchase() {}

    public static final class JobType {
        public static final String RECORD_DELIVERY = "record-delivery";
        public static final String SEND_FOLLOW_UP = "send-follow-up";
        public static final String SEND_SURVEY = "send-survey";
        public static final String SEND_SURVEY_REMINDER = "send-survey-reminder";
        public static final String EXPIRE_SURVEY = "expire-survey";
        public static final String START_SERVICE_RECOVERY = "start-service-recovery";
        public static final String RECORD_CARE_OUTCOME = "record-care-outcome";
        public static final String SEND_THANK_YOU = "send-thank-you";
        public static final String MARK_CUSTOMER_ADVOCATE = "mark-customer-advocate";
        public static final String ASK_FOR_ADVOCACY = "ask-for-advocacy";

        private JobType() {}
    }

    /** Messages correlated by {@link OrderFulfillment.Variable#ORDER_ID}. */
    public static final class Message {
        public static final String SURVEY_ANSWERED = "SurveyAnswered";
        public static final String CARE_CASE_RESOLVED = "CareCaseResolved";

        private Message() {}
    }

    public static final class Variable {
        public static final String NPS_SCORE = "npsScore";
        public static final String FOLLOW_UP = "followUp";
        /** When the survey mail went out (ISO-8601 instant): its reminder and expiry count from it. */
        public static final String SURVEY_SENT_AT = "surveySentAt";

        private Variable() {}
    }
}
