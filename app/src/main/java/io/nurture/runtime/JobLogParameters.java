package io.nurture.runtime;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.JsonMapper;
import io.camunda.client.jobhandling.parameter.DefaultParameterResolverStrategy;
import io.camunda.client.jobhandling.parameter.ParameterResolver;
import io.camunda.client.jobhandling.parameter.ParameterResolverStrategy;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The client's own parameter resolution, which runs on the handler's thread just before the
 * handler: the one place that sees every job, so it puts the process instance key into the
 * logging context that {@link JobLogContext} clears afterwards.
 */
@Configuration(proxyBeanMethods = false)
class JobLogParameters {

    @Bean
    ParameterResolverStrategy parameterResolverStrategy(JsonMapper jsonMapper, CamundaClient camundaClient) {
        ParameterResolverStrategy resolvers = new DefaultParameterResolverStrategy(jsonMapper, camundaClient);
        return parameter -> {
            ParameterResolver resolver = resolvers.createResolver(parameter);
            return (client, job) -> {
                MDC.put(JobLogContext.PROCESS_INSTANCE_KEY, Long.toString(job.getProcessInstanceKey()));
                return resolver.resolve(client, job);
            };
        };
    }
}
