package io.nurture.engagement;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.nurture.processes.AbandonedCheckout.JobType;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** The steps of {@code abandoned-checkout.bpmn}. */
@Component
public class AbandonedCheckoutWorker {

    private final CartReminders reminders;

    AbandonedCheckoutWorker(CartReminders reminders) {
        this.reminders = reminders;
    }

    @JobWorker(type = JobType.COLLECT_CHECKOUT_FACTS)
    public CartReminders.Facts lookUpTheCustomerAndCart(
            @Variable String customerId, @Variable String cartId, @Variable String reentryCooldown) {
        return reminders.facts(customerId, cartId, Duration.parse(reentryCooldown));
    }

    /** @param couponPercent the cart coupon table's answer, before the last reminder only */
    @JobWorker(type = JobType.SEND_CART_REMINDER)
    public void sendCartReminder(
            ActivatedJob job,
            @Variable String customerId,
            @Variable String cartId,
            @Variable int reminder,
            @Variable Integer couponPercent,
            @Variable MessageVariant variant) {
        reminders.send(customerId, cartId, reminder, couponPercent, variant, job.getKey());
    }

    @JobWorker(type = JobType.RECORD_CHECKOUT_RECOVERED)
    public void recordTheRecovery(ActivatedJob job, @Variable String customerId) {
        reminders.recovered(customerId, job.getKey());
    }
}
