package io.nurture.shipping;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.nurture.processes.OrderFulfillment.JobType;
import org.springframework.stereotype.Component;

/** Shipping steps in {@code order-fulfillment.bpmn}. */
@Component
public class ShippingWorker {

    private final ShippingService shipping;

    ShippingWorker(ShippingService shipping) {
        this.shipping = shipping;
    }

    @JobWorker(type = JobType.CREATE_SHIPMENT)
    public void shipOrder(@Variable String orderId) {
        shipping.ship(orderId);
    }

    @JobWorker(type = JobType.ALERT_DELIVERY_OVERDUE)
    public void alertCustomerAndOpsOfOverdueDelivery(@Variable String orderId) {
        shipping.alertDeliveryOverdue(orderId);
    }
}
