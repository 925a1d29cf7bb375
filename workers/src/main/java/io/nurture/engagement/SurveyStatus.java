package io.nurture.engagement;

public enum SurveyStatus {
    SENT, ANSWERED, EXPIRED
}
