package io.nurture.engagement;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.nurture.processes.PostPurchase.JobType;
import org.springframework.stereotype.Component;

/** The steps of {@code post-purchase.bpmn}. */
@Component
public class PostPurchaseWorker {

    private final PostPurchaseService journey;

    PostPurchaseWorker(PostPurchaseService journey) {
        this.journey = journey;
    }

    @JobWorker(type = JobType.RECORD_DELIVERY)
    public void updateCustomerLifecycle(@Variable String orderId) {
        journey.recordDelivery(orderId);
    }

    @JobWorker(type = JobType.SEND_FOLLOW_UP)
    public void sendThankYouWithRecommendations(ActivatedJob job, @Variable String orderId, @Variable String customerId) {
        journey.sendFollowUp(orderId, customerId, job.getKey());
    }

    @JobWorker(type = JobType.SEND_SURVEY)
    public SurveySent sendSatisfactionSurvey(ActivatedJob job, @Variable String orderId, @Variable String customerId) {
        return new SurveySent(journey.sendSurvey(orderId, customerId, job.getKey()).toString());
    }

    @JobWorker(type = JobType.SEND_SURVEY_REMINDER)
    public void remindAboutSurvey(ActivatedJob job, @Variable String orderId, @Variable String customerId) {
        journey.remindAboutSurvey(orderId, customerId, job.getKey());
    }

    @JobWorker(type = JobType.EXPIRE_SURVEY)
    public void recordSurveyAsUnanswered(ActivatedJob job, @Variable String orderId, @Variable String customerId) {
        journey.recordSurveyUnanswered(orderId, customerId, job.getKey());
    }

    @JobWorker(type = JobType.START_SERVICE_RECOVERY)
    public void apologiseGiveCouponAndOpenCareCase(ActivatedJob job, @Variable String orderId,
            @Variable String customerId, @Variable int npsScore) {
        journey.startServiceRecovery(orderId, customerId, npsScore, job.getKey());
    }

    @JobWorker(type = JobType.RECORD_CARE_OUTCOME)
    public void recordCareOutcome(ActivatedJob job, @Variable String orderId, @Variable String customerId) {
        journey.recordCareOutcome(orderId, customerId, job.getKey());
    }

    @JobWorker(type = JobType.SEND_THANK_YOU)
    public void thankCustomerForFeedback(ActivatedJob job, @Variable String orderId, @Variable String customerId) {
        journey.thankForFeedback(orderId, customerId, job.getKey());
    }

    @JobWorker(type = JobType.ASK_FOR_ADVOCACY)
    public void askForReviewAndReferral(ActivatedJob job, @Variable String orderId, @Variable String customerId) {
        journey.askForAdvocacy(orderId, customerId, job.getKey());
    }

    /** The survey's reminder and expiry count from {@code surveySentAt} (ISO-8601). */
    public record SurveySent(String surveySentAt) {
    }
}
