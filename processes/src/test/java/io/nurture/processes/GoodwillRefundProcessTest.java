package io.nurture.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "Goodwill refund": money staff granted back without a return is given back, once per grant. */
class GoodwillRefundProcessTest {

    @RegisterExtension
    final EmbeddedProcessEngine engine = new EmbeddedProcessEngine(GoodwillRefund.PROCESS_ID);

    @Test
    void aGrantedRefundIsGivenBackAndTheProcessEnds() {
        engine.publishStart(
                GoodwillRefund.Message.GRANTED, "refund-1", Map.of("refundId", "refund-1", "orderId", "o-1"));
        long refund = engine.instancesOf(GoodwillRefund.PROCESS_ID).get(0);

        ActivatedJob giveBack = engine.completeJob(GoodwillRefund.JobType.GIVE_GOODWILL_REFUND, Map.of());

        assertThat(giveBack.getVariablesAsMap()).containsEntry(GoodwillRefund.Variable.REFUND_ID, "refund-1");
        engine.assertCompletedInOrder(
                refund, "GoodwillRefundGrantedStartEvent", "GiveMoneyBackTask", "MoneyGivenBackEndEvent");
    }

    @Test
    void aRefundTheProviderKeepsRefusingStopsAtAnIncidentForOps() {
        engine.publishStart(
                GoodwillRefund.Message.GRANTED, "refund-2", Map.of("refundId", "refund-2", "orderId", "o-2"));
        long refund = engine.instancesOf(GoodwillRefund.PROCESS_ID).get(0);

        engine.failJobForGood(GoodwillRefund.JobType.GIVE_GOODWILL_REFUND, "payment provider unavailable");

        assertThat(engine.incidentElements(refund)).containsExactly("GiveMoneyBackTask");
        assertThat(engine.isCompleted(refund)).isFalse();
    }

    @Test
    void eachGrantStartsItsOwnRefund() {
        engine.publishStart(
                GoodwillRefund.Message.GRANTED, "refund-3", Map.of("refundId", "refund-3", "orderId", "o-3"));
        engine.publishStart(
                GoodwillRefund.Message.GRANTED, "refund-4", Map.of("refundId", "refund-4", "orderId", "o-3"));

        assertThat(engine.instancesOf(GoodwillRefund.PROCESS_ID)).hasSize(2);
    }
}
