package io.nurture.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.nurture.processes.OrderReturn.JobType;
import io.nurture.processes.OrderReturn.Message;
import io.nurture.processes.OrderReturn.Variable;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "Order return": every path from a customer's request to a refund, a refusal or a parcel never sent. */
class OrderReturnProcessTest {

    private static final String RETURN_ID = "return-1";

    @RegisterExtension
    final EmbeddedProcessEngine engine = new EmbeddedProcessEngine(OrderReturn.PROCESS_ID);

    @Test
    void anApprovedReturnSendsALabelThenRefundsWhatInspectionAccepted() {
        long ret = requestReturn(facts(3, "CHANGED_MIND", false, 89));

        ActivatedJob label = engine.completeJob(JobType.SEND_RETURN_LABEL, Map.of());
        engine.publish(Message.PARCEL_RECEIVED, RETURN_ID, Map.of());
        engine.completeJob(JobType.RECEIVE_RETURN_PARCEL, Map.of());
        engine.publish(Message.PARCEL_INSPECTED, RETURN_ID, Map.of());
        ActivatedJob settle = engine.completeJob(JobType.SETTLE_RETURN, Map.of(Variable.REFUND_AMOUNT, 84.05));
        engine.completeJob(JobType.REFUND_RETURN, Map.of());

        assertThat(label.getVariablesAsMap()).containsEntry(Variable.SHIPPING_PAID_BY, "CUSTOMER");
        assertThat(settle.getVariablesAsMap())
                .containsEntry(Variable.RESTOCKING_FEE_PERCENT, 0)
                .containsEntry(Variable.SKIP_PARCEL, false);
        engine.assertCompletedInOrder(
                ret,
                "CollectReturnFactsTask",
                "DecideEligibilityTask",
                "SendReturnLabelTask",
                "ParcelReceivedEvent",
                "NoteParcelReceivedTask",
                "InspectParcelTask",
                "SettleReturnTask",
                "RefundReturnTask",
                "ReturnRefundedEndEvent");
    }

    @Test
    void aDamagedDeliveryIsRefundedWithoutAParcel() {
        long ret = requestReturn(facts(2, "DAMAGED", true, 12.5));

        engine.completeJob(JobType.SETTLE_RETURN, Map.of(Variable.REFUND_AMOUNT, 12.5));
        engine.completeJob(JobType.REFUND_RETURN, Map.of());

        assertThat(engine.completedElements(ret))
                .contains("ReturnRefundedEndEvent")
                .doesNotContain("SendReturnLabelTask", "InspectParcelTask");
    }

    @Test
    void aReplacementShipsTheAcceptedItemsInsteadOfARefund() {
        long ret = requestReturn(facts(2, "DAMAGED", false, 24));

        engine.completeJob(JobType.SETTLE_RETURN, Map.of(Variable.REFUND_AMOUNT, 0, Variable.REPLACEMENT_DUE, true));
        engine.completeJob(JobType.SHIP_REPLACEMENT, Map.of());

        engine.assertCompletedInOrder(ret, "SettleReturnTask", "ShipReplacementTask", "ReplacementSentEndEvent");
        assertThat(engine.completedElements(ret)).doesNotContain("RefundReturnTask");
    }

    @Test
    void aReturnTheTableRefusesIsRefusedWithItsReason() {
        long ret = requestReturn(facts(45, "CHANGED_MIND", false, 89));

        ActivatedJob refuse = engine.completeJob(JobType.REJECT_RETURN, Map.of());

        assertThat(refuse.getVariablesAsMap().get(Variable.REJECTION_REASON))
                .asString()
                .contains("30-day");
        engine.assertCompletedInOrder(ret, "DecideEligibilityTask", "RejectReturnTask", "ReturnRejectedEndEvent");
    }

    @Test
    void aReturnStaffRefuseIsRefused() {
        long ret = requestReturn(facts(3, "OTHER", false, 20));
        engine.completeJob(JobType.HOLD_RETURN_FOR_REVIEW, Map.of());

        engine.publish(Message.REVIEWED, RETURN_ID, Map.of(Variable.RETURN_APPROVED, false));
        engine.completeJob(JobType.RECORD_RETURN_REVIEW, Map.of(Variable.RETURN_APPROVED, false));
        engine.completeJob(JobType.REJECT_RETURN, Map.of());

        engine.assertCompletedInOrder(
                ret, "StaffReviewTask", "RecordReviewTask", "RejectReturnTask", "ReturnRejectedEndEvent");
    }

    @Test
    void aReturnStaffApproveGetsItsLabel() {
        long ret = requestReturn(facts(3, "CHANGED_MIND", false, 899));
        engine.completeJob(JobType.HOLD_RETURN_FOR_REVIEW, Map.of());

        engine.publish(Message.REVIEWED, RETURN_ID, Map.of(Variable.RETURN_APPROVED, true));
        engine.completeJob(JobType.RECORD_RETURN_REVIEW, Map.of(Variable.RETURN_APPROVED, true));

        assertThat(engine.activeElements(ret)).contains("SendReturnLabelTask").doesNotContain("StaffReviewTask");
    }

    @Test
    void aReviewStaffLeaveUnansweredForThreeDaysIsApproved() {
        long ret = requestReturn(facts(3, "OTHER", false, 20));
        engine.completeJob(JobType.HOLD_RETURN_FOR_REVIEW, Map.of());

        engine.increaseTime(Duration.ofDays(3).plusMinutes(1));
        ActivatedJob record = engine.completeJob(JobType.RECORD_RETURN_REVIEW, Map.of(Variable.RETURN_APPROVED, true));

        assertThat(engine.completedElements(ret)).contains("ReviewTimeoutBoundaryEvent");
        assertThat(record.getVariablesAsMap()).doesNotContainKey(Variable.RETURN_APPROVED);
        assertThat(engine.activeElements(ret)).contains("SendReturnLabelTask").doesNotContain("StaffReviewTask");
    }

    @Test
    void theRecordedReviewDecidesEvenWhenStaffSaidOtherwiseToTheMessage() {
        long ret = requestReturn(facts(3, "OTHER", false, 20));
        engine.completeJob(JobType.HOLD_RETURN_FOR_REVIEW, Map.of());

        engine.publish(Message.REVIEWED, RETURN_ID, Map.of(Variable.RETURN_APPROVED, true));
        engine.completeJob(JobType.RECORD_RETURN_REVIEW, Map.of(Variable.RETURN_APPROVED, false));

        assertThat(engine.activeElements(ret)).contains("RejectReturnTask");
    }

    @Test
    void aParcelNotSentBackWithin21DaysClosesTheReturn() {
        long ret = requestReturn(facts(3, "WRONG_ITEM", false, 30));
        engine.completeJob(JobType.SEND_RETURN_LABEL, Map.of());

        engine.increaseTime(Duration.ofDays(21).plusMinutes(1));
        engine.completeJob(JobType.CLOSE_UNSENT_RETURN, Map.of());

        engine.assertCompletedInOrder(ret, "NotSentBackTimerEvent", "CloseUnsentReturnTask", "NotSentBackEndEvent");
    }

    @Test
    void anInspectionThatAcceptsNothingEndsWithoutARefund() {
        long ret = requestReturn(facts(3, "WRONG_ITEM", false, 30));
        engine.completeJob(JobType.SEND_RETURN_LABEL, Map.of());
        engine.publish(Message.PARCEL_RECEIVED, RETURN_ID, Map.of());
        engine.completeJob(JobType.RECEIVE_RETURN_PARCEL, Map.of());
        engine.publish(Message.PARCEL_INSPECTED, RETURN_ID, Map.of());

        engine.completeJob(JobType.SETTLE_RETURN, Map.of(Variable.REFUND_AMOUNT, 0));

        assertThat(engine.completedElements(ret))
                .contains("NothingToRefundEndEvent")
                .doesNotContain("RefundReturnTask");
    }

    @Test
    void aRefundTheProviderKeepsRefusingStopsAtAnIncidentForOps() {
        long ret = requestReturn(facts(1, "DAMAGED", false, 59));
        engine.completeJob(JobType.SETTLE_RETURN, Map.of(Variable.REFUND_AMOUNT, 59));

        engine.failJobForGood(JobType.REFUND_RETURN, "payment provider unavailable");

        assertThat(engine.incidentElements(ret)).containsExactly("RefundReturnTask");
    }

    private long requestReturn(Map<String, Object> facts) {
        engine.publishStart(Message.REQUESTED, RETURN_ID, Map.of(Variable.RETURN_ID, RETURN_ID, "orderId", "o-1"));
        long ret = engine.instancesOf(OrderReturn.PROCESS_ID).get(0);
        engine.completeJob(JobType.COLLECT_RETURN_FACTS, facts);
        return ret;
    }

    private static Map<String, Object> facts(int days, String reason, boolean food, double value) {
        return Map.of(
                Variable.DAYS_SINCE_DELIVERY, days,
                Variable.RETURN_REASON, reason,
                Variable.INCLUDES_FOOD, food,
                Variable.RETURN_VALUE, value);
    }
}
