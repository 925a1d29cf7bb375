package io.nurture.risk;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.nurture.order.OrderService;
import io.nurture.processes.OrderFulfillment.JobType;
import org.springframework.stereotype.Component;

/**
 * The risk decision itself is the {@code order-risk} DMN table, owned by analysts; this worker
 * serves the manual-review step that follows a REVIEW outcome.
 */
@Component
public class RiskWorker {

    private final OrderService orders;

    RiskWorker(OrderService orders) {
        this.orders = orders;
    }

    @JobWorker(type = JobType.HOLD_ORDER_FOR_REVIEW)
    public void holdOrderForManualReview(@Variable String orderId) {
        orders.holdForReview(orderId);
    }
}
