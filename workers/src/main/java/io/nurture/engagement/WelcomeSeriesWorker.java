package io.nurture.engagement;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.nurture.processes.WelcomeSeries.JobType;
import org.springframework.stereotype.Component;

/** The steps of {@code welcome-series.bpmn}. */
@Component
public class WelcomeSeriesWorker {

    private final Welcomes welcomes;

    WelcomeSeriesWorker(Welcomes welcomes) {
        this.welcomes = welcomes;
    }

    @JobWorker(type = JobType.SEND_SIGN_UP_CONFIRMATION)
    public void askToConfirmTheSignUp(ActivatedJob job, @Variable String customerId) {
        welcomes.askToConfirm(customerId, job.getKey());
    }

    @JobWorker(type = JobType.SEND_WELCOME)
    public void sendTheWelcome(ActivatedJob job, @Variable String customerId, @Variable MessageVariant variant) {
        welcomes.welcome(customerId, variant, job.getKey());
    }

    @JobWorker(type = JobType.SEND_BEST_SELLERS)
    public void sendBestSellers(ActivatedJob job, @Variable String customerId, @Variable MessageVariant variant) {
        welcomes.bestSellers(customerId, variant, job.getKey());
    }
}
