package io.nurture.processes;

import static io.nurture.processes.PostPurchase.JobType.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.nurture.processes.OrderFulfillment.Message;
import io.nurture.processes.OrderFulfillment.Variable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostPurchaseProcessTest {

    private static final String AN_ORDER = "order-7";

    @RegisterExtension
    final EmbeddedProcessEngine engine = new EmbeddedProcessEngine(PostPurchase.PROCESS_ID);

    @Test
    void deliveredOrderGetsAFollowUpAfterThreeDaysAndASurveyAfterSeven() {
        long journey = deliver();

        engine.completeJob(RECORD_DELIVERY, Map.of());
        assertThat(engine.activeElements(journey)).contains("FollowUpDueEvent");
        engine.increaseTime(Duration.ofDays(3).plusMinutes(1));
        sendAfterTheContactCheck(SEND_FOLLOW_UP, Map.of());
        engine.increaseTime(Duration.ofDays(4).plusMinutes(1));
        sendAfterTheContactCheck(SEND_SURVEY, surveySentNow());

        engine.assertCompletedInOrder(
                journey,
                "UpdateCustomerLifecycleTask",
                "FollowUpDueEvent",
                "SendFollowUpTask",
                "SurveyDueEvent",
                "SendSurveyTask");
        assertThat(engine.activeElements(journey)).contains("WaitForSurveyAnswerTask");
    }

    @Test
    void lateFollowUpDoesNotDelayTheSurvey() {
        long journey = deliver();
        engine.completeJob(RECORD_DELIVERY, Map.of());

        engine.increaseTime(Duration.ofDays(5));
        sendAfterTheContactCheck(SEND_FOLLOW_UP, Map.of());
        engine.increaseTime(Duration.ofDays(2).plusMinutes(1));

        sendAfterTheContactCheck(SEND_SURVEY, surveySentNow());
        engine.assertCompletedInOrder(journey, "SendFollowUpTask", "SurveyDueEvent", "SendSurveyTask");
    }

    @Test
    void oneClockMovePastFollowUpAndSurveySendsBothInOrder() {
        long journey = deliver();
        engine.completeJob(RECORD_DELIVERY, Map.of());

        engine.increaseTime(Duration.ofDays(8));
        sendAfterTheContactCheck(SEND_FOLLOW_UP, Map.of());
        sendAfterTheContactCheck(SEND_SURVEY, surveySentNow());

        engine.assertCompletedInOrder(
                journey, "FollowUpDueEvent", "SendFollowUpTask", "SurveyDueEvent", "SendSurveyTask");
    }

    @Test
    void journeyReachedAfterItsDueTimesRunsTheFollowUpAtOnce() {
        long journey = deliverAt(engine.ago(Duration.ofDays(10)));

        engine.completeJob(RECORD_DELIVERY, Map.of());
        sendAfterTheContactCheck(SEND_FOLLOW_UP, Map.of());
        sendAfterTheContactCheck(SEND_SURVEY, surveySentNow());

        engine.assertCompletedInOrder(
                journey, "FollowUpDueEvent", "SendFollowUpTask", "SurveyDueEvent", "SendSurveyTask");
    }

    @Test
    void surveyReminderAndExpiryCountFromWhenTheSurveyWasSent() {
        long journey = deliver();
        engine.completeJob(RECORD_DELIVERY, Map.of());
        engine.increaseTime(Duration.ofDays(7).plusMinutes(1));
        sendAfterTheContactCheck(SEND_FOLLOW_UP, Map.of());
        Map<String, Object> sent = surveySentNow();
        engine.increaseTime(Duration.ofDays(1));
        sendAfterTheContactCheck(SEND_SURVEY, sent);

        engine.increaseTime(Duration.ofDays(2).plusMinutes(1));
        sendAfterTheContactCheck(SEND_SURVEY_REMINDER, Map.of());
        engine.increaseTime(Duration.ofDays(11));
        engine.completeJob(EXPIRE_SURVEY, Map.of());

        engine.assertCompletedInOrder(
                journey, "SurveyReminderDueBoundaryEvent", "SurveyExpiredBoundaryEvent", "SurveyUnansweredEndEvent");
    }

    @Test
    void oneClockMovePastReminderAndExpiryRemindsThenExpires() {
        long journey = surveySent();

        engine.increaseTime(Duration.ofDays(15));
        sendAfterTheContactCheck(SEND_SURVEY_REMINDER, Map.of());
        engine.completeJob(EXPIRE_SURVEY, Map.of());

        engine.assertCompletedInOrder(journey, "SurveyReminderDueBoundaryEvent", "SurveyExpiredBoundaryEvent");
        assertThat(engine.completedElements(journey)).contains("SendSurveyReminderTask", "SurveyUnansweredEndEvent");
    }

    @Test
    void detractorGetsServiceRecoveryAndTheJourneyWaitsForTheCareCase() {
        long journey = surveySent();

        answer(3);
        sendAfterTheContactCheck(START_SERVICE_RECOVERY, Map.of());
        assertThat(engine.activeElements(journey)).contains("WaitForCareCaseResolutionTask");
        engine.publish(PostPurchase.Message.CARE_CASE_RESOLVED, AN_ORDER, Map.of());
        engine.completeJob(RECORD_CARE_OUTCOME, Map.of());

        assertThat(engine.variable(journey, PostPurchase.Variable.FOLLOW_UP)).isEqualTo("\"SERVICE_RECOVERY\"");
        engine.assertCompletedInOrder(
                journey,
                "DecideFollowUpByScoreTask",
                "StartServiceRecoveryTask",
                "WaitForCareCaseResolutionTask",
                "RecordCareOutcomeTask",
                "ServiceRecoveredEndEvent");
    }

    @Test
    void passiveIsThanked() {
        long journey = surveySent();

        answer(8);
        sendAfterTheContactCheck(SEND_THANK_YOU, Map.of());

        engine.assertCompletedInOrder(journey, "ThankCustomerTask", "CustomerThankedEndEvent");
        assertThat(engine.isCompleted(journey)).isTrue();
    }

    @Test
    void promoterIsAskedForAReviewAndAReferral() {
        long journey = surveySent();

        answer(10);
        engine.completeJob(MARK_CUSTOMER_ADVOCATE, Map.of());
        engine.completeJob(ContactPolicy.JobType.LOOK_UP_CONTACT_FACTS, ContactFactsFixture.mayBeContacted());
        engine.completeJob(ASK_FOR_ADVOCACY, Map.of());

        engine.assertCompletedInOrder(
                journey,
                "MarkCustomerAdvocateTask",
                "AdvocacyAskContactPolicyActivity",
                "AskForReviewAndReferralTask",
                "AdvocacyAskedEndEvent");
    }

    @Test
    void promoterWhoUnsubscribedIsStillAnAdvocateButIsNotAsked() {
        long journey = surveySent();

        answer(10);
        engine.completeJob(MARK_CUSTOMER_ADVOCATE, Map.of());
        engine.completeJob(
                ContactPolicy.JobType.LOOK_UP_CONTACT_FACTS,
                ContactFactsFixture.mayBeContactedBut("unsubscribed", true));
        engine.completeJob(ContactPolicy.JobType.RECORD_SKIPPED_MESSAGE, Map.of());

        assertThat(engine.reachedElements(journey))
                .contains("MarkCustomerAdvocateTask")
                .doesNotContain("AskForReviewAndReferralTask");
        assertThat(engine.isCompleted(journey)).isTrue();
    }

    @Test
    void unansweredSurveyIsRemindedOnceThenRecordedAsUnanswered() {
        long journey = surveySent();

        engine.increaseTime(Duration.ofDays(3).plusMinutes(1));
        sendAfterTheContactCheck(SEND_SURVEY_REMINDER, Map.of());
        engine.increaseTime(Duration.ofDays(11));
        engine.completeJob(EXPIRE_SURVEY, Map.of());

        engine.assertCompletedInOrder(
                journey,
                "SurveyReminderDueBoundaryEvent",
                "SendSurveyReminderTask",
                "SurveyExpiredBoundaryEvent",
                "RecordSurveyUnansweredTask",
                "SurveyUnansweredEndEvent");
        assertThat(engine.completedElements(journey)).doesNotContain("DecideFollowUpByScoreTask");
    }

    private long deliver() {
        return deliverAt(engine.now());
    }

    private long deliverAt(String deliveredAt) {
        engine.publishStart(
                Message.ORDER_DELIVERED,
                AN_ORDER,
                Map.of(Variable.ORDER_ID, AN_ORDER, Variable.CUSTOMER_ID, "c-1", Variable.DELIVERED_AT, deliveredAt));
        List<Long> journeys = engine.instancesOf(PostPurchase.PROCESS_ID);
        assertThat(journeys).hasSize(1);
        return journeys.get(0);
    }

    private long surveySent() {
        long journey = deliver();
        engine.completeJob(RECORD_DELIVERY, Map.of());
        engine.increaseTime(Duration.ofDays(3).plusMinutes(1));
        sendAfterTheContactCheck(SEND_FOLLOW_UP, Map.of());
        engine.increaseTime(Duration.ofDays(4).plusMinutes(1));
        sendAfterTheContactCheck(SEND_SURVEY, surveySentNow());
        return journey;
    }

    private Map<String, Object> surveySentNow() {
        return Map.of(PostPurchase.Variable.SURVEY_SENT_AT, engine.now());
    }

    private void answer(int score) {
        engine.publish(PostPurchase.Message.SURVEY_ANSWERED, AN_ORDER, Map.of(PostPurchase.Variable.NPS_SCORE, score));
    }

    /** A transactional message passes the contact policy (which sends it at any hour), then goes out. */
    private ActivatedJob sendAfterTheContactCheck(String jobType, Map<String, Object> variables) {
        engine.completeJob(
                ContactPolicy.JobType.LOOK_UP_CONTACT_FACTS,
                ContactFactsFixture.mayBeContactedBut("localTime", "03:00:00"));
        return engine.completeJob(jobType, variables);
    }
}
