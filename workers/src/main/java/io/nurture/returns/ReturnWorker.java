package io.nurture.returns;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.nurture.processes.OrderReturn.JobType;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** The steps of {@code order-return.bpmn}. */
@Component
public class ReturnWorker {

    private final ReturnService returns;

    ReturnWorker(ReturnService returns) {
        this.returns = returns;
    }

    @JobWorker(type = JobType.COLLECT_RETURN_FACTS)
    public ReturnFacts collectReturnFacts(@Variable String returnId) {
        return returns.facts(returnId);
    }

    @JobWorker(type = JobType.HOLD_RETURN_FOR_REVIEW)
    public void askStaffToReview(@Variable String returnId) {
        returns.holdForReview(returnId);
    }

    @JobWorker(type = JobType.RECORD_RETURN_REVIEW)
    public ReturnService.Reviewed recordTheReview(@Variable String returnId) {
        return returns.recordReview(returnId);
    }

    @JobWorker(type = JobType.REJECT_RETURN)
    public void refuseTheReturn(@Variable String returnId, @Variable String rejectionReason) {
        returns.reject(returnId, rejectionReason);
    }

    @JobWorker(type = JobType.SEND_RETURN_LABEL)
    public void sendTheReturnLabel(
            @Variable String returnId, @Variable String orderId, @Variable String returnShippingPaidBy) {
        returns.sendLabel(returnId, orderId, returnShippingPaidBy);
    }

    @JobWorker(type = JobType.RECEIVE_RETURN_PARCEL)
    public void noteTheParcelReceived(@Variable String returnId) {
        returns.parcelReceived(returnId);
    }

    @JobWorker(type = JobType.CLOSE_UNSENT_RETURN)
    public void closeAsNotSentBack(@Variable String returnId) {
        returns.closeUnsent(returnId);
    }

    @JobWorker(type = JobType.SETTLE_RETURN)
    public ReturnService.Settled settleTheReturn(
            @Variable String returnId,
            @Variable BigDecimal restockingFeePercent,
            @Variable String returnShippingPaidBy,
            @Variable boolean skipParcel) {
        return returns.settle(returnId, restockingFeePercent, returnShippingPaidBy, skipParcel);
    }

    @JobWorker(type = JobType.SHIP_REPLACEMENT)
    public void sendAReplacement(@Variable String returnId) {
        returns.shipReplacement(returnId);
    }

    @JobWorker(type = JobType.REFUND_RETURN)
    public void refundTheAcceptedItems(@Variable String returnId) {
        returns.refund(returnId);
    }
}
