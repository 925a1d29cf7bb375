package io.nurture.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy.ExceptionHandlingContext;
import io.camunda.client.metrics.MetricsRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nurture.order.UnknownOrderException;
import io.nurture.processes.OrderFulfillment;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.CannotAcquireLockException;

/**
 * A job whose handler failed ends, in the client's job metrics, as failed: without it the
 * job counts as activated and never finished (Grafana's failures per type miss it, and the
 * simulation waits for it for ever).
 */
class RetryWithBackoffTest {

    private final JobClient jobs = mock(JobClient.class, RETURNS_DEEP_STUBS);

    @Test
    @SuppressWarnings("unchecked")
    void aFailedTryIsCountedAsAFailedJob() throws Exception {
        MetricsRecorder metrics = mock(MetricsRecorder.class);
        RetryWithBackoff strategy = strategy(metrics, mock(ObjectProvider.class), new SimpleMeterRegistry());
        ActivatedJob job = job("record-delivery", 3, "o-1");

        strategy.handleException(
                new IllegalStateException("Deadlock found"), new ExceptionHandlingContext(jobs, job, null));

        verify(metrics).increase(MetricsRecorder.METRIC_NAME_JOB, MetricsRecorder.ACTION_FAILED, "record-delivery");
        verify(jobs).newFailCommand(job);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStepChosenAsADeadlocksVictimIsTriedAgainWithoutSpendingARetry() throws Exception {
        RetryWithBackoff strategy =
                strategy(mock(MetricsRecorder.class), mock(ObjectProvider.class), new SimpleMeterRegistry());
        ActivatedJob job = job(OrderFulfillment.JobType.CREATE_SHIPMENT, 1, "o-1");

        strategy.handleException(
                new CannotAcquireLockException(
                        "could not execute statement",
                        new SQLTransactionRollbackException("Deadlock found when trying to get lock")),
                new ExceptionHandlingContext(jobs, job, null));

        verify(jobs.newFailCommand(job)).retries(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStepThatKeepsLosingItsLocksSpendsItsRetriesOnceTheFreeTriesAreUsedAndEachConflictIsCounted()
            throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RetryWithBackoff strategy = strategy(mock(MetricsRecorder.class), mock(ObjectProvider.class), meters);
        ActivatedJob job = job(OrderFulfillment.JobType.CREATE_SHIPMENT, 3, "o-1");
        CannotAcquireLockException lockWaitTimeout = new CannotAcquireLockException(
                "could not execute statement", new SQLTransactionRollbackException("Lock wait timeout exceeded"));

        for (int tries = 0; tries <= LockConflicts.FREE_TRIES; tries++) {
            strategy.handleException(lockWaitTimeout, new ExceptionHandlingContext(jobs, job, null));
        }

        verify(jobs.newFailCommand(job), times(LockConflicts.FREE_TRIES)).retries(3);
        verify(jobs.newFailCommand(job)).retries(2);
        assertThat(meters.counter("nurture.jobs.lock.conflicts", "type", OrderFulfillment.JobType.CREATE_SHIPMENT)
                        .count())
                .isEqualTo(LockConflicts.FREE_TRIES + 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPaidStepWhoseOrderIsMissingRaisesAnIncidentSayingWhyAndCancelsNothing() throws Exception {
        ObjectProvider<CamundaClient> engine = mock(ObjectProvider.class);
        RetryWithBackoff strategy = strategy(mock(MetricsRecorder.class), engine, new SimpleMeterRegistry());
        ActivatedJob job = job(OrderFulfillment.JobType.CREATE_SHIPMENT, 1, "o-restored");

        strategy.handleException(
                new UnknownOrderException("o-restored"), new ExceptionHandlingContext(jobs, job, null));

        verify(engine, never()).getObject();
        // The backoff of a missing order: the longer of the retry backoff (10 s) and the commit wait (2 s).
        verify(jobs.newFailCommand(job).retries(0).retryBackoff(Duration.ofSeconds(10)))
                .errorMessage(contains("may hold stock or money"));
    }

    private static ActivatedJob job(String type, int retries, String orderId) {
        ActivatedJob job = mock(ActivatedJob.class);
        when(job.getKey()).thenReturn(42L);
        when(job.getType()).thenReturn(type);
        when(job.getRetries()).thenReturn(retries);
        when(job.getVariablesAsMap()).thenReturn(Map.of("orderId", orderId));
        return job;
    }

    private static RetryWithBackoff strategy(
            MetricsRecorder metrics, ObjectProvider<CamundaClient> engine, MeterRegistry meters) {
        return new RetryWithBackoff(
                mock(CommandExceptionHandlingStrategy.class),
                metrics,
                new JobProperties(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(2)),
                engine,
                meters,
                new LockConflicts(meters));
    }
}
