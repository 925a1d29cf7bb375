package io.nurture.returns.web;

import io.nurture.returns.CustomerReturn;
import io.nurture.returns.Remedy;
import io.nurture.returns.ReturnReason;
import io.nurture.returns.ReturnStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A return as the API shows it.
 *
 * @param decision   filled in as the return goes: who pays the label and the restocking fee once it
 *                   is settled, the reason the customer reads once it is refused
 * @param settlement what the return gives back and how it was worked out; null until settled
 * @param replacementOrderId the order that ships the accepted items again, for a replacement
 */
record ReturnView(
        String returnId,
        String orderId,
        ReturnStatus status,
        Remedy remedy,
        List<LineView> lines,
        DecisionView decision,
        String labelTrackingNumber,
        String inspectionNote,
        SettlementView settlement,
        String replacementOrderId,
        List<TimelineView> timeline) {

    /**
     * @param accepted how many inspection accepted (all, for a damaged delivery refunded without a parcel); null before
     * @param sellable whether the accepted items went back into stock; null before inspection
     */
    record LineView(
            String sku, int quantity, ReturnReason reason, String comment, Integer accepted, Boolean sellable) {}

    /**
     * @param labelPaidBy     SHOP or CUSTOMER (a label the customer pays is kept from the refund)
     * @param rejectionReason what the customer reads when the return is refused
     */
    record DecisionView(String labelPaidBy, BigDecimal restockingFeePercent, String rejectionReason) {}

    /** @param refundId the refund on the order's ledger (GET /api/refunds/{refundId}); null when nothing is refunded */
    record SettlementView(
            BigDecimal acceptedValue,
            BigDecimal restockingFee,
            BigDecimal labelFee,
            BigDecimal refundAmount,
            String refundId) {}

    record TimelineView(Instant at, ReturnStatus status, String note) {}

    static ReturnView of(CustomerReturn ret) {
        return new ReturnView(
                ret.getId(),
                ret.getOrderId(),
                ret.getStatus(),
                ret.getRemedy(),
                ret.getLines().stream()
                        .map(line -> new LineView(
                                line.getSku(),
                                line.getQuantity(),
                                line.getReason(),
                                line.getComment(),
                                line.getAccepted(),
                                line.getSellable()))
                        .toList(),
                new DecisionView(ret.getShippingPaidBy(), ret.getRestockingFeePercent(), ret.getRejectionReason()),
                ret.getLabelTrackingNumber(),
                ret.getInspectionNote(),
                ret.getRefundAmount() == null
                        ? null
                        : new SettlementView(
                                ret.getAcceptedValue(),
                                ret.getRestockingFee(),
                                ret.getLabelFee(),
                                ret.getRefundAmount(),
                                ret.getRefundId()),
                ret.getReplacementOrderId(),
                ret.getTimeline().stream()
                        .map(entry -> new TimelineView(entry.getAt(), entry.getStatus(), entry.getNote()))
                        .toList());
    }
}
