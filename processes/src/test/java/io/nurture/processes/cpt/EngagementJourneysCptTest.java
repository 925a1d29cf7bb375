package io.nurture.processes.cpt;

import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static io.camunda.process.test.api.assertions.ProcessInstanceSelectors.byProcessId;

import io.camunda.client.CamundaClient;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.nurture.processes.CustomerRetention;
import io.nurture.processes.OrderFulfillment;
import io.nurture.processes.PostPurchase;
import io.nurture.processes.PostPurchase.JobType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@ExtendWith(CamundaRuntimeAvailable.class)
@SpringBootTest(classes = ProcessTestApplication.class)
@CamundaSpringProcessTest
class EngagementJourneysCptTest {

    private static final String ORDER = "cpt-order-7";
    private static final String CUSTOMER = "cpt-customer-7";

    @Autowired
    CamundaClient client;

    @Autowired
    CamundaProcessTestContext processTest;

    @Test
    void promoterIsAskedForAReviewAndAReferral() {
        mockPostPurchaseSteps();
        deliver();
        processTest.increaseTime(Duration.ofDays(3).plusMinutes(1));
        processTest.increaseTime(Duration.ofDays(4).plusMinutes(1));
        assertThatProcessInstance(byProcessId(PostPurchase.PROCESS_ID)).hasActiveElements("WaitForSurveyAnswerTask");

        client.newPublishMessageCommand()
                .messageName(PostPurchase.Message.SURVEY_ANSWERED)
                .correlationKey(ORDER)
                .variables(Map.of(PostPurchase.Variable.NPS_SCORE, 10))
                .send()
                .join();

        assertThatProcessInstance(byProcessId(PostPurchase.PROCESS_ID))
                .isCompleted()
                .hasCompletedElements("AskForReviewAndReferralTask", "AdvocacyAskedEndEvent");
    }

    @Test
    void unansweredSurveyIsRecordedAsUnanswered() {
        mockPostPurchaseSteps();
        deliver();
        processTest.increaseTime(Duration.ofDays(3).plusMinutes(1));
        processTest.increaseTime(Duration.ofDays(4).plusMinutes(1));
        assertThatProcessInstance(byProcessId(PostPurchase.PROCESS_ID)).hasActiveElements("WaitForSurveyAnswerTask");

        processTest.increaseTime(Duration.ofDays(14).plusMinutes(1));

        assertThatProcessInstance(byProcessId(PostPurchase.PROCESS_ID))
                .isCompleted()
                .hasCompletedElements("RecordSurveyUnansweredTask", "SurveyUnansweredEndEvent");
    }

    @Test
    void silentCustomerIsReEngagedThenOfferedAWinBack() {
        processTest.mockJobWorker(CustomerRetention.JobType.SEND_RE_ENGAGEMENT).thenComplete();
        processTest
                .mockJobWorker(CustomerRetention.JobType.COLLECT_CUSTOMER_FACTS)
                .thenComplete(Map.of(
                        CustomerRetention.Variable.TOTAL_SPENT,
                        820,
                        CustomerRetention.Variable.ORDER_COUNT,
                        2,
                        CustomerRetention.Variable.DAYS_SINCE_LAST_ORDER,
                        90));
        processTest.mockJobWorker(CustomerRetention.JobType.SEND_WIN_BACK_OFFER).thenComplete();
        startRetention();
        assertThatProcessInstance(byProcessId(CustomerRetention.PROCESS_ID))
                .hasActiveElements("AwaitPurchaseOrSilenceGateway");

        processTest.increaseTime(Duration.ofDays(45).plusMinutes(1));
        assertThatProcessInstance(byProcessId(CustomerRetention.PROCESS_ID))
                .hasActiveElements("AwaitPurchaseAfterReEngagementGateway");
        processTest.increaseTime(Duration.ofDays(45).plusMinutes(1));

        assertThatProcessInstance(byProcessId(CustomerRetention.PROCESS_ID))
                .hasCompletedElementsInOrder(
                        "SendReEngagementTask", "DecideCustomerSegmentTask", "SendWinBackOfferTask")
                .hasActiveElements("AwaitPurchaseAfterWinBackGateway");
    }

    @Test
    void purchaseRestartsTheRetentionCount() {
        processTest.mockJobWorker(CustomerRetention.JobType.SEND_RE_ENGAGEMENT).thenComplete();
        startRetention();
        assertThatProcessInstance(byProcessId(CustomerRetention.PROCESS_ID))
                .hasActiveElements("AwaitPurchaseOrSilenceGateway");

        client.newPublishMessageCommand()
                .messageName(CustomerRetention.Message.PURCHASE_DELIVERED)
                .correlationKey(CUSTOMER)
                .variables(Map.of(
                        CustomerRetention.Variable.LAST_PURCHASE_AT,
                        processTest.getCurrentTime().toString()))
                .send()
                .join();

        assertThatProcessInstance(byProcessId(CustomerRetention.PROCESS_ID))
                .hasCompletedElements("PurchaseBeforeReEngagementEvent")
                .hasActiveElements("AwaitPurchaseOrSilenceGateway");
    }

    private void mockPostPurchaseSteps() {
        processTest.mockJobWorker(JobType.RECORD_DELIVERY).thenComplete();
        processTest.mockJobWorker(JobType.SEND_FOLLOW_UP).thenComplete();
        processTest
                .mockJobWorker(JobType.SEND_SURVEY)
                .thenComplete(Map.of(
                        PostPurchase.Variable.SURVEY_SENT_AT,
                        processTest.getCurrentTime().plus(Duration.ofDays(7)).toString()));
        processTest.mockJobWorker(JobType.SEND_SURVEY_REMINDER).thenComplete();
        processTest.mockJobWorker(JobType.EXPIRE_SURVEY).thenComplete();
        processTest.mockJobWorker(JobType.ASK_FOR_ADVOCACY).thenComplete();
    }

    private void deliver() {
        client.newPublishMessageCommand()
                .messageName(OrderFulfillment.Message.ORDER_DELIVERED)
                .correlationKey(ORDER)
                .variables(Map.of(
                        OrderFulfillment.Variable.ORDER_ID,
                        ORDER,
                        OrderFulfillment.Variable.CUSTOMER_ID,
                        CUSTOMER,
                        OrderFulfillment.Variable.DELIVERED_AT,
                        processTest.getCurrentTime().toString()))
                .send()
                .join();
        assertThatProcessInstance(byProcessId(PostPurchase.PROCESS_ID)).hasActiveElements("FollowUpDueEvent");
    }

    private void startRetention() {
        client.newPublishMessageCommand()
                .messageName(CustomerRetention.Message.JOURNEY_REQUESTED)
                .correlationKey(CUSTOMER)
                .variables(Map.of(
                        OrderFulfillment.Variable.CUSTOMER_ID,
                        CUSTOMER,
                        CustomerRetention.Variable.LAST_PURCHASE_AT,
                        processTest.getCurrentTime().toString()))
                .send()
                .join();
    }
}
