package io.nurture.runtime;

import io.camunda.client.exception.CamundaError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * A worker that throws a technical exception (database down, provider unreachable) fails its job
 * with one retry fewer and a backoff, instead of the client's immediate retry, so a short outage
 * does not burn all retries in a second. At zero retries the engine raises an incident for ops.
 * Business outcomes thrown as {@link CamundaError} keep the client's handling.
 */
@Component
class RetryWithBackoff implements JobExceptionHandlingStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(RetryWithBackoff.class);

    private final DefaultJobExceptionHandlingStrategy camundaErrors;
    private final JobProperties properties;

    RetryWithBackoff(CommandExceptionHandlingStrategy commands, MetricsRecorder metrics, JobProperties properties) {
        this.camundaErrors = new DefaultJobExceptionHandlingStrategy(commands, metrics);
        this.properties = properties;
    }

    @Override
    public void handleException(Exception exception, ExceptionHandlingContext context) throws Exception {
        if (exception instanceof CamundaError) {
            camundaErrors.handleException(exception, context);
            return;
        }
        ActivatedJob job = context.job();
        Throwable cause = rootCause(exception);
        int retriesLeft = Math.max(job.getRetries() - 1, 0);
        Map<String, Object> variables = job.getVariablesAsMap();
        try (var logContext = MDC.putCloseable(JobLogContext.JOB, JobLogContext.describe(variables.get("orderId"),
                variables.get("customerId"), job.getProcessInstanceKey()))) {
            LOG.warn("Job {} ({}) failed, {} retries left: {}", job.getKey(), job.getType(), retriesLeft, cause.toString(),
                    exception);
        }
        context.jobClient().newFailCommand(job)
                .retries(retriesLeft)
                .retryBackoff(properties.retryBackoff())
                .errorMessage(cause.getClass().getSimpleName() + ": " + cause.getMessage())
                .send()
                .join();
    }

    /** The client wraps what a worker threw; ops need the worker's own reason in the incident. */
    private static Throwable rootCause(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
