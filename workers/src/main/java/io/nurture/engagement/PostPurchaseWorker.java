package io.nurture.engagement;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.nurture.processes.PostPurchase.JobType;
import org.springframework.stereotype.Component;

/** The steps of {@code post-purchase.bpmn}. */
@Component
public class PostPurchaseWorker {

    private final LifecycleUpdate lifecycle;
    private final FollowUp followUp;
    private final SatisfactionSurvey survey;
    private final ServiceRecovery recovery;
    private final AdvocacyAsk advocacy;

    PostPurchaseWorker(
            LifecycleUpdate lifecycle,
            FollowUp followUp,
            SatisfactionSurvey survey,
            ServiceRecovery recovery,
            AdvocacyAsk advocacy) {
        this.lifecycle = lifecycle;
        this.followUp = followUp;
        this.survey = survey;
        this.recovery = recovery;
        this.advocacy = advocacy;
    }

    @JobWorker(type = JobType.RECORD_DELIVERY)
    public void updateCustomerLifecycle(@Variable String orderId) {
        lifecycle.recordDelivery(orderId);
    }

    @JobWorker(type = JobType.SEND_FOLLOW_UP)
    public void sendThankYouWithRecommendations(
            ActivatedJob job, @Variable String orderId, @Variable String customerId, @Variable MessageVariant variant) {
        followUp.sendFollowUp(orderId, customerId, variant, job.getKey());
    }

    @JobWorker(type = JobType.SEND_SURVEY)
    public SurveySent sendSatisfactionSurvey(
            ActivatedJob job, @Variable String orderId, @Variable String customerId, @Variable MessageVariant variant) {
        return new SurveySent(
                survey.send(orderId, customerId, variant, job.getKey()).toString());
    }

    @JobWorker(type = JobType.SEND_SURVEY_REMINDER)
    public void remindAboutSurvey(
            ActivatedJob job, @Variable String orderId, @Variable String customerId, @Variable MessageVariant variant) {
        survey.remind(orderId, customerId, variant, job.getKey());
    }

    @JobWorker(type = JobType.EXPIRE_SURVEY)
    public void recordSurveyAsUnanswered(ActivatedJob job, @Variable String orderId, @Variable String customerId) {
        survey.recordUnanswered(orderId, customerId, job.getKey());
    }

    @JobWorker(type = JobType.START_SERVICE_RECOVERY)
    public void apologiseGiveCouponAndOpenCareCase(
            ActivatedJob job,
            @Variable String orderId,
            @Variable String customerId,
            @Variable int npsScore,
            @Variable MessageVariant variant) {
        recovery.start(orderId, customerId, npsScore, variant, job.getKey());
    }

    @JobWorker(type = JobType.RECORD_CARE_OUTCOME)
    public void recordCareOutcome(ActivatedJob job, @Variable String orderId, @Variable String customerId) {
        recovery.recordCareOutcome(orderId, customerId, job.getKey());
    }

    @JobWorker(type = JobType.SEND_THANK_YOU)
    public void thankCustomerForFeedback(
            ActivatedJob job, @Variable String orderId, @Variable String customerId, @Variable MessageVariant variant) {
        followUp.thankForFeedback(orderId, customerId, variant, job.getKey());
    }

    @JobWorker(type = JobType.ASK_FOR_ADVOCACY)
    public void askForReviewAndReferral(
            ActivatedJob job, @Variable String orderId, @Variable String customerId, @Variable MessageVariant variant) {
        advocacy.ask(orderId, customerId, variant, job.getKey());
    }

    @JobWorker(type = JobType.MARK_CUSTOMER_ADVOCATE)
    public void markCustomerAsAdvocate(@Variable String customerId) {
        advocacy.markAdvocate(customerId);
    }

    /** The survey's reminder and expiry count from {@code surveySentAt} (ISO-8601). */
    public record SurveySent(String surveySentAt) {}
}
