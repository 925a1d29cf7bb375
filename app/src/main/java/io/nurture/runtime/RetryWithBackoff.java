package io.nurture.runtime;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import io.nurture.order.CancellationRequestedException;
import io.nurture.order.UnknownOrderException;
import io.nurture.processes.OrderFulfillment.CancelReason;
import io.nurture.processes.OrderFulfillment.Error;
import io.nurture.processes.OrderFulfillment.JobType;
import io.nurture.processes.OrderFulfillment.Variable;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * A worker that throws a technical exception (database down, provider unreachable) fails its job
 * with one retry fewer and a backoff, instead of the client's immediate retry, so a short outage
 * does not burn all retries in a second. At zero retries the engine raises an incident for ops.
 * Business outcomes thrown as {@link CamundaError} keep the client's handling.
 *
 * <p>A step that finds its order's cancellation requested ends its job with the BPMN error
 * "Order cannot proceed" (reason: the customer's request): the cancellation message is published
 * after the request committed, so a step may see the request before the process does.
 *
 * <p>One technical failure is not for ops when the process has done nothing yet: an order that
 * does not exist (a process started by hand with an order id no one stored). Such a job, one of the
 * steps before any stock or money is touched, waits a few times and then cancels its process: there
 * is nothing to do for an order no one has. A later step whose order cannot be found (a restored
 * database, another deployment's engine) may stand behind stock or money: it raises an incident
 * that says so, and nothing is cancelled.
 */
@Component
class RetryWithBackoff implements JobExceptionHandlingStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(RetryWithBackoff.class);
    /** The order-fulfillment steps that come before any reservation, charge or shipment. */
    private static final Set<String> BEFORE_STOCK_OR_MONEY =
            Set.of(JobType.HOLD_ORDER_FOR_REVIEW, JobType.REJECT_ORDER, JobType.RESERVE_STOCK);

    private static final String MISSING_ORDER_INCIDENT = "UnknownOrderException: order %s is not in Nurture's database,"
            + " yet this process is past its first steps and may hold stock or money for it (a database restored from"
            + " a backup, or another deployment's engine?). Find the order and restore it, then retry; do not cancel"
            + " this instance while it may hold money.";

    private final DefaultJobExceptionHandlingStrategy camundaErrors;
    private final MetricsRecorder clientMetrics;
    private final JobProperties properties;
    private final ObjectProvider<CamundaClient> client;
    private final MeterRegistry meters;
    private final LockConflicts lockConflicts;

    RetryWithBackoff(
            CommandExceptionHandlingStrategy commands,
            MetricsRecorder metrics,
            JobProperties properties,
            ObjectProvider<CamundaClient> client,
            MeterRegistry meters,
            LockConflicts lockConflicts) {
        this.camundaErrors = new DefaultJobExceptionHandlingStrategy(commands, metrics);
        this.clientMetrics = metrics;
        this.properties = properties;
        this.client = client;
        this.meters = meters;
        this.lockConflicts = lockConflicts;
    }

    @Override
    public void handleException(Exception exception, ExceptionHandlingContext context) throws Exception {
        if (exception instanceof CamundaError) {
            camundaErrors.handleException(exception, context);
            return;
        }
        ActivatedJob job = context.job();
        Throwable cause = rootCause(exception);
        if (cause instanceof CancellationRequestedException) {
            camundaErrors.handleException(
                    CamundaError.bpmnError(
                            Error.ORDER_CANCELLED,
                            cause.getMessage(),
                            Map.of(Variable.CANCEL_REASON, CancelReason.CUSTOMER_REQUEST)),
                    context);
            return;
        }
        // As the client's own strategy counts it: every activated job ends as completed, failed or bpmn-error.
        clientMetrics.increase(MetricsRecorder.METRIC_NAME_JOB, MetricsRecorder.ACTION_FAILED, job.getType());
        // The database rolled the step back whole to break a deadlock and asks for it again: no fault
        // of the step's, so no retry is spent on it (three in a row made an incident of a busy moment),
        // up to LockConflicts.FREE_TRIES: past them something holds the lock, and ops need to hear of it.
        boolean freeTry = lostALockConflict(exception) && lockConflicts.isFree(job.getKey(), job.getType());
        int retriesLeft = freeTry ? job.getRetries() : Math.max(job.getRetries() - 1, 0);
        boolean orderNeverStored = cause instanceof UnknownOrderException;
        Map<String, Object> variables = job.getVariablesAsMap();
        try (var logContext = MDC.putCloseable(
                JobLogContext.JOB,
                JobLogContext.describe(
                        variables.get("orderId"), variables.get("customerId"), job.getProcessInstanceKey()))) {
            if (orderNeverStored && retriesLeft == 0 && BEFORE_STOCK_OR_MONEY.contains(job.getType())) {
                LOG.warn(
                        "Job {} ({}): its order was never stored (the intake did not commit); cancelling process"
                                + " instance {}",
                        job.getKey(),
                        job.getType(),
                        job.getProcessInstanceKey());
                client.getObject()
                        .newCancelInstanceCommand(job.getProcessInstanceKey())
                        .send()
                        .join();
                return;
            }
            LOG.warn(
                    "Job {} ({}) failed, {} retries left: {}",
                    job.getKey(),
                    job.getType(),
                    retriesLeft,
                    cause.toString(),
                    exception);
            if (retriesLeft == 0) {
                meters.counter("nurture.incidents", "type", job.getType()).increment();
            }
        }
        context.jobClient()
                .newFailCommand(job)
                .retries(retriesLeft)
                .retryBackoff(
                        orderNeverStored
                                ? max(properties.commitWait(), properties.retryBackoff())
                                : properties.retryBackoff())
                .errorMessage(
                        orderNeverStored && retriesLeft == 0
                                ? MISSING_ORDER_INCIDENT.formatted(variables.get("orderId"))
                                : cause.getClass().getSimpleName() + ": " + cause.getMessage())
                .send()
                .join();
    }

    private static boolean lostALockConflict(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof PessimisticLockingFailureException
                    || cause instanceof SQLTransactionRollbackException) {
                return true;
            }
        }
        return false;
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
