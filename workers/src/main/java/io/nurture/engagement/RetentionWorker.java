package io.nurture.engagement;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.nurture.order.PurchaseFacts;
import io.nurture.order.PurchaseHistory;
import io.nurture.processes.CustomerRetention.JobType;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** The steps of {@code customer-retention.bpmn}. */
@Component
public class RetentionWorker {

    private final ReEngagement reEngagement;
    private final PurchaseHistory history;
    private final WinBack winBack;

    RetentionWorker(ReEngagement reEngagement, PurchaseHistory history, WinBack winBack) {
        this.reEngagement = reEngagement;
        this.history = history;
        this.winBack = winBack;
    }

    @JobWorker(type = JobType.MARK_CUSTOMER_AT_RISK)
    public void markCustomerAtRisk(@Variable String customerId) {
        reEngagement.markAtRisk(customerId);
    }

    @JobWorker(type = JobType.SEND_RE_ENGAGEMENT)
    public void sendReEngagementMessage(
            ActivatedJob job, @Variable String customerId, @Variable MessageVariant variant) {
        reEngagement.send(customerId, variant, job.getKey());
    }

    @JobWorker(type = JobType.COLLECT_CUSTOMER_FACTS)
    public PurchaseFacts lookUpCustomerValue(@Variable String customerId) {
        return history.facts(customerId);
    }

    @JobWorker(type = JobType.SEND_WIN_BACK_OFFER)
    public void sendWinBackOffer(
            ActivatedJob job,
            @Variable String customerId,
            @Variable SegmentOffer segmentOffer,
            @Variable MessageVariant variant) {
        winBack.sendOffer(customerId, segmentOffer.segment(), segmentOffer.offerValue(), variant, job.getKey());
    }

    @JobWorker(type = JobType.MARK_CUSTOMER_LAPSED)
    public void markCustomerLapsed(@Variable String customerId) {
        reEngagement.markLapsed(customerId);
    }

    /** The output of the decision table "Customer segment". */
    public record SegmentOffer(String segment, BigDecimal offerValue) {}
}
