package io.nurture.returns;

import io.nurture.persistence.AssignedIdEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Items of a delivered order a customer sends back, and where that stands: the table's or staff's
 * decision, the label, inspection, and what it gives back (kept here as the terms the refund was
 * worked out on; the money itself is on the order's ledger).
 */
@Entity
@Table(name = "returns")
public class CustomerReturn extends AssignedIdEntity {

    @Id
    private String id;

    @Column(name = "order_id", nullable = false)
    private String orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReturnStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Remedy remedy;

    @Column(name = "replacement_order_id")
    private String replacementOrderId;

    @Column(name = "request_fingerprint")
    private String requestFingerprint;

    @Column(name = "shipping_paid_by")
    private String shippingPaidBy;

    @Column(name = "restocking_fee_percent")
    private BigDecimal restockingFeePercent;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    @Column(name = "review_note")
    private String reviewNote;

    @Column(name = "inspection_note")
    private String inspectionNote;

    @Column(name = "label_tracking_number")
    private String labelTrackingNumber;

    @Column(name = "accepted_value")
    private BigDecimal acceptedValue;

    @Column(name = "restocking_fee")
    private BigDecimal restockingFee;

    @Column(name = "label_fee")
    private BigDecimal labelFee;

    @Column(name = "refund_id")
    private String refundId;

    @Column(name = "refund_amount")
    private BigDecimal refundAmount;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "return_id", nullable = false)
    @OrderBy("id")
    private List<ReturnLine> lines = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "return_id", nullable = false)
    @OrderBy("at, id")
    private List<ReturnTimelineEntry> timeline = new ArrayList<>();

    protected CustomerReturn() {}

    CustomerReturn(
            String id, String orderId, Remedy remedy, String requestFingerprint, List<ReturnLine> lines, Instant at) {
        this.id = id;
        this.orderId = orderId;
        this.remedy = remedy;
        this.requestFingerprint = requestFingerprint;
        this.lines.addAll(lines);
        this.createdAt = at;
        move(ReturnStatus.REQUESTED, null, at);
    }

    /** Moves to a status with its timeline entry; moving to the status it has changes nothing. */
    boolean move(ReturnStatus to, String note, Instant at) {
        if (to == status) {
            return false;
        }
        status = to;
        timeline.add(new ReturnTimelineEntry(at, to, note));
        return true;
    }

    /** A timeline entry without a change of status. */
    void note(String note, Instant at) {
        timeline.add(new ReturnTimelineEntry(at, status, note));
    }

    void decidedBy(String paidBy, BigDecimal feePercent) {
        this.shippingPaidBy = paidBy;
        this.restockingFeePercent = feePercent;
    }

    void reviewed(String note) {
        this.reviewNote = note;
    }

    void rejected(String reason) {
        this.rejectionReason = reason;
    }

    void labelled(String trackingNumber) {
        this.labelTrackingNumber = trackingNumber;
    }

    void inspected(String note) {
        this.inspectionNote = note;
    }

    void settled(
            BigDecimal acceptedValue,
            BigDecimal restockingFee,
            BigDecimal labelFee,
            String refundId,
            BigDecimal refund) {
        this.acceptedValue = acceptedValue;
        this.restockingFee = restockingFee;
        this.labelFee = labelFee;
        this.refundId = refundId;
        this.refundAmount = refund;
    }

    void replacedBy(String orderId) {
        this.replacementOrderId = orderId;
    }

    /** Inspection accepted at least one of its items. */
    boolean tookSomethingBack() {
        return lines.stream().anyMatch(line -> line.getAccepted() != null && line.getAccepted() > 0);
    }

    boolean takesBack() {
        return !ReturnStatus.TAKES_NOTHING_BACK.contains(status);
    }

    @Override
    public String getId() {
        return id;
    }

    public String getOrderId() {
        return orderId;
    }

    public Remedy getRemedy() {
        return remedy;
    }

    public String getReplacementOrderId() {
        return replacementOrderId;
    }

    public ReturnStatus getStatus() {
        return status;
    }

    String getRequestFingerprint() {
        return requestFingerprint;
    }

    public String getShippingPaidBy() {
        return shippingPaidBy;
    }

    public BigDecimal getRestockingFeePercent() {
        return restockingFeePercent;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public String getReviewNote() {
        return reviewNote;
    }

    public String getInspectionNote() {
        return inspectionNote;
    }

    public String getLabelTrackingNumber() {
        return labelTrackingNumber;
    }

    public BigDecimal getAcceptedValue() {
        return acceptedValue;
    }

    public BigDecimal getRestockingFee() {
        return restockingFee;
    }

    public BigDecimal getLabelFee() {
        return labelFee;
    }

    public String getRefundId() {
        return refundId;
    }

    public BigDecimal getRefundAmount() {
        return refundAmount;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<ReturnLine> getLines() {
        return List.copyOf(lines);
    }

    public List<ReturnTimelineEntry> getTimeline() {
        return List.copyOf(timeline);
    }
}
