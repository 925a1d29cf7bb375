package io.nurture.notification;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.nurture.processes.OrderFulfillment.JobType;
import org.springframework.stereotype.Component;

/** Steps of {@code order-fulfillment.bpmn} that only send a message. */
@Component
public class NotificationWorker {

    private final NotificationService notifications;

    NotificationWorker(NotificationService notifications) {
        this.notifications = notifications;
    }

    @JobWorker(type = JobType.SEND_PAYMENT_REMINDER)
    public void sendPaymentReminder(@Variable String orderId) {
        notifications.remindOfPayment(orderId);
    }

    @JobWorker(type = JobType.ALERT_DELIVERY_OVERDUE)
    public void alertCustomerAndOpsOfOverdueDelivery(@Variable String orderId) {
        notifications.alertDeliveryOverdue(orderId);
    }
}
