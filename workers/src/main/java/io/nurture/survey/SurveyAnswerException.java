package io.nurture.survey;

/** A survey answer that cannot be taken: unknown token, already answered, or expired. */
public class SurveyAnswerException extends RuntimeException {

    public enum Reason {
        UNKNOWN,
        ALREADY_ANSWERED,
        EXPIRED
    }

    private final Reason reason;

    SurveyAnswerException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
