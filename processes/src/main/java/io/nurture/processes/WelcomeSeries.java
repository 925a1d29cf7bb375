package io.nurture.processes;

/** The names {@code welcome-series.bpmn} shares with Java. */
public final class WelcomeSeries {

    public static final String PROCESS_ID = "welcome-series";

    private WelcomeSeries() {}

    public static final class JobType {
        public static final String SEND_SIGN_UP_CONFIRMATION = "send-sign-up-confirmation";
        public static final String SEND_WELCOME = "send-welcome";
        public static final String SEND_BEST_SELLERS = "send-best-sellers";

        private JobType() {}
    }

    /** All correlated by the customer's id: one series per customer. */
    public static final class Message {
        /** A sign-up with consent: starts the series, which first asks the person to confirm. */
        public static final String SIGNED_UP = "SignedUp";
        /** The person confirmed the sign-up (double opt-in): consent holds from now on. */
        public static final String SIGN_UP_CONFIRMED = "SignUpConfirmed";
        /** The customer placed their first order: the series reached its goal. */
        public static final String FIRST_ORDER_PLACED = "FirstOrderPlaced";

        private Message() {}
    }
}
