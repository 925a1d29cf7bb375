package io.nurture.survey;

public enum SurveyStatus {
    SENT,
    ANSWERED,
    EXPIRED
}
