package io.nurture.engagement;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.nurture.processes.CustomerRetention.JobType;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The steps of {@code customer-retention.bpmn}. */
@Component
public class RetentionWorker {

    private final RetentionService retention;

    RetentionWorker(RetentionService retention) {
        this.retention = retention;
    }

    @JobWorker(type = JobType.SEND_RE_ENGAGEMENT)
    public void sendReEngagementMessage(ActivatedJob job, @Variable String customerId) {
        retention.sendReEngagement(customerId, job.getKey());
    }

    @JobWorker(type = JobType.COLLECT_CUSTOMER_FACTS)
    public RetentionService.CustomerFacts lookUpCustomerValue(@Variable String customerId) {
        return retention.facts(customerId);
    }

    @JobWorker(type = JobType.SEND_WIN_BACK_OFFER)
    public void sendWinBackOffer(ActivatedJob job, @Variable String customerId, @Variable Map<String, Object> segmentOffer) {
        retention.sendWinBackOffer(customerId, String.valueOf(segmentOffer.get("segment")),
                new BigDecimal(String.valueOf(segmentOffer.get("offerValue"))), job.getKey());
    }

    @JobWorker(type = JobType.MARK_CUSTOMER_LAPSED)
    public void markCustomerLapsed(@Variable String customerId) {
        retention.markLapsed(customerId);
    }
}
