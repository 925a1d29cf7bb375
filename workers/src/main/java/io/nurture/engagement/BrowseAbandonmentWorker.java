package io.nurture.engagement;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.nurture.processes.BrowseAbandonment.JobType;
import org.springframework.stereotype.Component;

/** The steps of {@code browse-abandonment.bpmn}. */
@Component
public class BrowseAbandonmentWorker {

    private final BrowseReminders reminders;

    BrowseAbandonmentWorker(BrowseReminders reminders) {
        this.reminders = reminders;
    }

    @JobWorker(type = JobType.SEND_BROWSE_REMINDER)
    public void sendTheBrowseReminder(
            ActivatedJob job, @Variable String customerId, @Variable String sku, @Variable MessageVariant variant) {
        reminders.send(customerId, sku, variant, job.getKey());
    }
}
