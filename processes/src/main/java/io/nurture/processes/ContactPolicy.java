package io.nurture.processes;

/** The names {@code contact-policy.bpmn} and {@code contact-policy.dmn} share with Java. */
public final class ContactPolicy {

    public static final String PROCESS_ID = "contact-policy";
    public static final String DECISION_ID = "contact-policy";

    private ContactPolicy() {}

    public static final class JobType {
        public static final String LOOK_UP_CONTACT_FACTS = "look-up-contact-facts";
        public static final String RECORD_SKIPPED_MESSAGE = "record-skipped-message";
        public static final String HOLD_MESSAGE = "hold-message";

        private JobType() {}
    }

    /** What the journeys pass in ("Check contact policy"), what the facts add, and what the policy answers. */
    public static final class Variable {
        /** {@code TRANSACTIONAL} or {@code MARKETING}. */
        public static final String MESSAGE_CATEGORY = "messageCategory";
        /** The calling journey's process id: a customer's holdout place is per journey. */
        public static final String JOURNEY = "journey";
        /** The message's step as the engagement log names it ({@code WIN_BACK}, ...). */
        public static final String JOURNEY_STEP = "journeyStep";

        public static final String HOLDOUT_SHARE = "holdoutShare";
        /** ISO-8601 duration: marketing messages within it count against the frequency cap. */
        public static final String CAP_PERIOD = "capPeriod";
        /** The decision's result: {action: SEND, WAIT or SKIP, reason, resumeAt (local time)}. */
        public static final String CONTACT = "contact";
        /** When a held message is checked again (ISO-8601 instant). */
        public static final String SEND_AT = "sendAt";
        /** What the caller gets: whether its message may go now. */
        public static final String CONTACT_ALLOWED = "contactAllowed";

        private Variable() {}
    }

    /** The policy's answers. */
    public static final class Action {
        public static final String SEND = "SEND";
        public static final String WAIT = "WAIT";
        public static final String SKIP = "SKIP";

        private Action() {}
    }
}
