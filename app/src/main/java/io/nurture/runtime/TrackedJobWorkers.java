package io.nurture.runtime;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.value.JobWorkerValue;
import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobWorkerManager;
import io.camunda.client.jobhandling.parameter.ParameterResolverStrategy;
import io.camunda.client.jobhandling.result.ResultProcessorStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The client's own worker manager, with every handler run through {@link JobsInFlight}. The starter
 * declares its own manager as well, so this one is primary: the one the workers are opened with.
 */
@Configuration(proxyBeanMethods = false)
class TrackedJobWorkers {

    @Bean
    @Primary
    JobWorkerManager trackedJobWorkerManager(
            CommandExceptionHandlingStrategy commands,
            MetricsRecorder metrics,
            ParameterResolverStrategy parameters,
            ResultProcessorStrategy results,
            BackoffSupplier backoff,
            JobExceptionHandlingStrategy exceptions,
            JobsInFlight jobs,
            LockConflicts lockConflicts) {
        return new JobWorkerManager(commands, metrics, parameters, results, backoff, exceptions) {
            @Override
            public JobWorker openWorker(CamundaClient client, JobWorkerValue worker, JobHandler handler) {
                lockConflicts.watch(worker.getType());
                return super.openWorker(client, worker, jobs.tracking(handler));
            }
        };
    }
}
