package io.nurture.order;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.nurture.orchestration.ProcessMessages;
import io.nurture.processes.OrderFulfillment.JobType;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** The order's own status steps in {@code order-fulfillment.bpmn}. */
@Component
public class OrderWorker {

    private final OrderService orders;
    private final ProcessMessages messages;

    OrderWorker(OrderService orders, ProcessMessages messages) {
        this.orders = orders;
        this.messages = messages;
    }

    @JobWorker(type = JobType.REJECT_ORDER)
    public void rejectOrderAndTellCustomer(@Variable String orderId) {
        orders.reject(orderId);
    }

    @JobWorker(type = JobType.CANCEL_ORDER)
    public void cancelOrderAndTellCustomer(@Variable String orderId, @Variable String cancelReason) {
        orders.cancel(orderId, cancelReason);
    }

    @JobWorker(type = JobType.CONFIRM_DELIVERY)
    public void confirmDeliveryAndTellCustomer(@Variable String orderId, @Variable String deliveredAt) {
        orders.confirmDelivery(orderId, Instant.parse(deliveredAt));
    }

    @JobWorker(type = JobType.PUBLISH_ORDER_DELIVERED)
    public void orderDelivered(@Variable String orderId, @Variable String customerId, @Variable String deliveredAt) {
        messages.orderDelivered(orderId, customerId, Instant.parse(deliveredAt));
    }
}
