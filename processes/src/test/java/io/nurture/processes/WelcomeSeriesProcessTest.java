package io.nurture.processes;

import static io.nurture.processes.WelcomeSeries.JobType.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.nurture.processes.WelcomeSeries.Message;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WelcomeSeriesProcessTest {

    private static final String A_CUSTOMER = "customer-11";

    @RegisterExtension
    final EmbeddedProcessEngine engine = new EmbeddedProcessEngine(WelcomeSeries.PROCESS_ID);

    @Test
    void aConfirmedSignUpGetsTheWelcomeAndThreeDaysLaterTheBestSellers() {
        long series = startSeries();
        ActivatedJob confirmation = engine.completeJob(SEND_SIGN_UP_CONFIRMATION, Map.of());

        engine.publish(Message.SIGN_UP_CONFIRMED, A_CUSTOMER, Map.of());
        ActivatedJob welcome = send(SEND_WELCOME);

        engine.increaseTime(Duration.ofDays(3).minusMinutes(1));
        assertThat(engine.activeElements(series)).contains("BestSellersDueEvent");
        engine.increaseTime(Duration.ofMinutes(2));
        ActivatedJob bestSellers = send(SEND_BEST_SELLERS);

        assertThat(confirmation.getVariablesAsMap()).containsEntry(OrderFulfillment.Variable.CUSTOMER_ID, A_CUSTOMER);
        assertThat(welcome.getVariablesAsMap()).containsEntry(OrderFulfillment.Variable.CUSTOMER_ID, A_CUSTOMER);
        assertThat(bestSellers.getVariablesAsMap()).containsEntry(OrderFulfillment.Variable.CUSTOMER_ID, A_CUSTOMER);
        engine.assertCompletedInOrder(
                series,
                "AskToConfirmSignUpTask",
                "SignUpConfirmedEvent",
                "WelcomeContactPolicyActivity",
                "SendWelcomeTask",
                "BestSellersDueEvent",
                "BestSellersContactPolicyActivity",
                "SendBestSellersTask",
                "WelcomedEndEvent",
                "WelcomeSubProcess",
                "SeriesOverEndEvent");
        assertThat(engine.isCompleted(series)).isTrue();
    }

    @Test
    void anUnconfirmedSignUpGetsNothingAfterTheConfirmationRequestAndEndsAfter7Days() {
        long series = startSeries();
        engine.completeJob(SEND_SIGN_UP_CONFIRMATION, Map.of());

        engine.increaseTime(Duration.ofDays(7).minusMinutes(1));
        assertThat(engine.activeElements(series)).contains("AwaitConfirmationGateway");
        engine.increaseTime(Duration.ofMinutes(2));

        engine.assertCompletedInOrder(
                series, "AskToConfirmSignUpTask", "NotConfirmedIn7DaysEvent", "NeverConfirmedEndEvent");
        assertThat(engine.reachedElements(series))
                .doesNotContain("WelcomeSubProcess", "WelcomeContactPolicyActivity", "SendWelcomeTask");
        assertThat(engine.isCompleted(series)).isTrue();
    }

    @Test
    void aFirstOrderBeforeTheConfirmationEndsTheSeriesWithoutAWelcome() {
        long series = startSeries();
        engine.completeJob(SEND_SIGN_UP_CONFIRMATION, Map.of());

        engine.publish(Message.FIRST_ORDER_PLACED, A_CUSTOMER, Map.of());

        engine.assertCompletedInOrder(
                series, "AskToConfirmSignUpTask", "OrderedBeforeConfirmingEvent", "ConvertedBeforeConfirmingEndEvent");
        assertThat(engine.reachedElements(series)).doesNotContain("WelcomeSubProcess", "SendWelcomeTask");
        assertThat(engine.isCompleted(series)).isTrue();
    }

    @Test
    void aFirstOrderDuringTheSeriesEndsItWithNothingMoreSent() {
        long series = startSeries();
        engine.completeJob(SEND_SIGN_UP_CONFIRMATION, Map.of());
        engine.publish(Message.SIGN_UP_CONFIRMED, A_CUSTOMER, Map.of());
        send(SEND_WELCOME);

        engine.publish(Message.FIRST_ORDER_PLACED, A_CUSTOMER, Map.of());
        engine.increaseTime(Duration.ofDays(3).plusMinutes(1));

        engine.assertCompletedInOrder(series, "SendWelcomeTask", "FirstOrderPlacedBoundaryEvent", "ConvertedEndEvent");
        assertThat(engine.reachedElements(series))
                .doesNotContain("BestSellersContactPolicyActivity", "SendBestSellersTask", "SeriesOverEndEvent");
        assertThat(engine.isCompleted(series)).isTrue();
    }

    @Test
    void aWelcomeTheContactPolicySkipsIsNotSentAndTheBestSellersStillFollow() {
        long series = startSeries();
        engine.completeJob(SEND_SIGN_UP_CONFIRMATION, Map.of());
        engine.publish(Message.SIGN_UP_CONFIRMED, A_CUSTOMER, Map.of());

        engine.completeJob(
                ContactPolicy.JobType.LOOK_UP_CONTACT_FACTS,
                ContactFactsFixture.mayBeContactedBut("marketingConsent", false));
        ActivatedJob skipped = engine.completeJob(ContactPolicy.JobType.RECORD_SKIPPED_MESSAGE, Map.of());

        assertThat(skipped.getVariablesAsMap())
                .containsEntry(ContactPolicy.Variable.JOURNEY, WelcomeSeries.PROCESS_ID)
                .containsEntry(ContactPolicy.Variable.JOURNEY_STEP, "WELCOME");
        assertThat(engine.reachedElements(series)).doesNotContain("SendWelcomeTask");
        assertThat(engine.activeElements(series)).contains("BestSellersDueEvent");

        engine.increaseTime(Duration.ofDays(3).plusMinutes(1));
        send(SEND_BEST_SELLERS);

        engine.assertCompletedInOrder(
                series,
                "WelcomeContactPolicyActivity",
                "WelcomeContactAllowedGateway",
                "WelcomeContactJoinGateway",
                "BestSellersDueEvent",
                "SendBestSellersTask",
                "SeriesOverEndEvent");
    }

    @Test
    void aCustomerHasAtMostOneRunningSeries() {
        startSeries();

        engine.publishStart(Message.SIGNED_UP, A_CUSTOMER, signedUp());

        assertThat(engine.instancesOf(WelcomeSeries.PROCESS_ID)).hasSize(1);
    }

    /** The contact policy lets the message go, and it is sent; answers the send job. */
    private ActivatedJob send(String jobType) {
        engine.completeJob(ContactPolicy.JobType.LOOK_UP_CONTACT_FACTS, ContactFactsFixture.mayBeContacted());
        return engine.completeJob(jobType, Map.of());
    }

    private long startSeries() {
        engine.publishStart(Message.SIGNED_UP, A_CUSTOMER, signedUp());
        return engine.instancesOf(WelcomeSeries.PROCESS_ID).get(0);
    }

    private static Map<String, Object> signedUp() {
        return Map.of(OrderFulfillment.Variable.CUSTOMER_ID, A_CUSTOMER);
    }
}
