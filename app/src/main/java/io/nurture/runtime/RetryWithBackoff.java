package io.nurture.runtime;

import io.camunda.client.CamundaClient;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import io.camunda.client.api.response.ActivatedJob;
import io.nurture.order.UnknownOrderException;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A worker that throws a technical exception (database down, provider unreachable) fails its job
 * with one retry fewer and a backoff, instead of the client's immediate retry, so a short outage
 * does not burn all retries in a second. At zero retries the engine raises an incident for ops.
 * Business outcomes thrown as {@link CamundaError} keep the client's handling.
 *
 * <p>One technical failure is not for ops: an order that does not exist. The intake starts an
 * order's process just before it commits the order; when Nurture dies (or the database fails) in
 * between, the process runs for an order that was never stored, and the shop, which got no
 * answer, retries and gets a new order. Such a job waits for the commit a few times and then
 * cancels its process instead of raising an incident: there is nothing to do for an order no one has.
 */
@Component
class RetryWithBackoff implements JobExceptionHandlingStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(RetryWithBackoff.class);
    /** Far longer than the intake's transaction takes to commit after the process started. */
    private static final Duration COMMIT_WAIT = Duration.ofSeconds(2);

    private final DefaultJobExceptionHandlingStrategy camundaErrors;
    private final JobProperties properties;
    private final ObjectProvider<CamundaClient> client;

    RetryWithBackoff(CommandExceptionHandlingStrategy commands, MetricsRecorder metrics, JobProperties properties,
            ObjectProvider<CamundaClient> client) {
        this.camundaErrors = new DefaultJobExceptionHandlingStrategy(commands, metrics);
        this.properties = properties;
        this.client = client;
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
        boolean orderNeverStored = cause instanceof UnknownOrderException;
        Map<String, Object> variables = job.getVariablesAsMap();
        try (var logContext = MDC.putCloseable(JobLogContext.JOB, JobLogContext.describe(variables.get("orderId"),
                variables.get("customerId"), job.getProcessInstanceKey()))) {
            if (orderNeverStored && retriesLeft == 0) {
                LOG.warn("Job {} ({}): its order was never stored (the intake did not commit); cancelling process"
                        + " instance {}", job.getKey(), job.getType(), job.getProcessInstanceKey());
                client.getObject().newCancelInstanceCommand(job.getProcessInstanceKey()).send().join();
                return;
            }
            LOG.warn("Job {} ({}) failed, {} retries left: {}", job.getKey(), job.getType(), retriesLeft, cause.toString(),
                    exception);
        }
        context.jobClient().newFailCommand(job)
                .retries(retriesLeft)
                .retryBackoff(orderNeverStored ? max(COMMIT_WAIT, properties.retryBackoff()) : properties.retryBackoff())
                .errorMessage(cause.getClass().getSimpleName() + ": " + cause.getMessage())
                .send()
                .join();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
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
