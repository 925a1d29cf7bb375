package io.nurture.engagement;

import static io.nurture.engagement.EngagementLog.stepKey;

import io.nurture.notification.Category;
import io.nurture.notification.NotificationService;
import io.nurture.survey.Survey;
import io.nurture.survey.SurveyService;
import io.nurture.survey.SurveyStatus;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The satisfaction survey of a delivered order: sent, reminded once, expired unanswered. */
@Service
class SatisfactionSurvey {

    private final SurveyService surveys;
    private final NotificationService notifications;
    private final EngagementLog log;
    private final EngagementProperties properties;

    SatisfactionSurvey(
            SurveyService surveys,
            NotificationService notifications,
            EngagementLog log,
            EngagementProperties properties) {
        this.surveys = surveys;
        this.notifications = notifications;
        this.log = log;
        this.properties = properties;
    }

    /**
     * Answers when the survey was first sent: a redelivered job reports the original time.
     *
     * @param variant the customer's variant where the step runs an experiment, else null
     */
    @Transactional
    public Instant send(String orderId, String customerId, MessageVariant variant, long jobKey) {
        Survey survey = surveys.open(orderId, customerId);
        notifications.messageCustomer(
                customerId,
                orderId,
                MessageVariant.templateOf(variant, "survey"),
                Category.TRANSACTIONAL,
                stepKey(jobKey),
                Map.of("surveyLink", link(survey)));
        log.record(customerId, orderId, "SURVEY", EngagementStep.SENT, null, stepKey(jobKey));
        return survey.getSentAt();
    }

    /** @param variant the customer's variant where the step runs an experiment, else null */
    @Transactional
    public void remind(String orderId, String customerId, MessageVariant variant, long jobKey) {
        Survey survey = surveys.open(orderId, customerId);
        if (survey.getStatus() == SurveyStatus.SENT) {
            notifications.messageCustomer(
                    customerId,
                    orderId,
                    MessageVariant.templateOf(variant, "survey-reminder"),
                    Category.TRANSACTIONAL,
                    stepKey(jobKey),
                    Map.of("surveyLink", link(survey)));
            log.record(customerId, orderId, "SURVEY_REMINDER", EngagementStep.SENT, null, stepKey(jobKey));
        }
    }

    @Transactional
    public void recordUnanswered(String orderId, String customerId, long jobKey) {
        surveys.expire(orderId);
        log.record(customerId, orderId, "SURVEY", "UNANSWERED", "No answer within 14 days", stepKey(jobKey));
    }

    private String link(Survey survey) {
        return properties.publicBaseUrl() + "/surveys/" + survey.getToken();
    }
}
