package io.nurture.runtime;

import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy.ExceptionHandlingContext;
import io.camunda.client.metrics.MetricsRecorder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A job whose handler failed ends, in the client's job metrics, as failed: without it the
 * job counts as activated and never finished (Grafana's failures per type miss it, and the
 * simulation waits for it for ever).
 */
class RetryWithBackoffTest {

    @Test
    @SuppressWarnings("unchecked")
    void aFailedTryIsCountedAsAFailedJob() throws Exception {
        MetricsRecorder metrics = mock(MetricsRecorder.class);
        RetryWithBackoff strategy = new RetryWithBackoff(mock(CommandExceptionHandlingStrategy.class), metrics,
                new JobProperties(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(2)),
                mock(ObjectProvider.class), new SimpleMeterRegistry());
        ActivatedJob job = mock(ActivatedJob.class);
        when(job.getType()).thenReturn("record-delivery");
        when(job.getRetries()).thenReturn(3);
        when(job.getVariablesAsMap()).thenReturn(Map.of("orderId", "o-1"));
        JobClient jobs = mock(JobClient.class, RETURNS_DEEP_STUBS);

        strategy.handleException(new IllegalStateException("Deadlock found"), new ExceptionHandlingContext(jobs, job, null));

        verify(metrics).increase(MetricsRecorder.METRIC_NAME_JOB, MetricsRecorder.ACTION_FAILED, "record-delivery");
        verify(jobs).newFailCommand(job);
    }
}
