package io.nurture.dev;

import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.jobhandling.CamundaClientExecutorService;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultCommandExceptionHandlingStrategy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The client's own handling of a job command the engine pushed back or did not answer (resent after
 * a backoff), with the resend counted by {@link EngineCallsInFlight} while it waits; the starter
 * declares this strategy only where none is.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(ActivityController.CONDITION)
class CountedCommandResends {

    @Bean
    CommandExceptionHandlingStrategy commandResendsCounted(
            BackoffSupplier backoff, CamundaClientExecutorService executor, EngineCallsInFlight calls) {
        return new DefaultCommandExceptionHandlingStrategy(backoff, calls.countingResends(executor.get()));
    }
}
