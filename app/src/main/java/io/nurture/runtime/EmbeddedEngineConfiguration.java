package io.nurture.runtime;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The in-process Zeebe engine, serving the standard gRPC gateway so Modeler, zbctl or any Camunda
 * client can talk to it. Its state lives in memory and is gone when the app stops. It is the
 * deprecated zeebe-process-test engine, kept behind this one class so it can be swapped.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = RuntimeDefaults.ENGINE_MODE, havingValue = "embedded", matchIfMissing = true)
class EmbeddedEngineConfiguration {

    static final String ENGINE_BEAN = "embeddedZeebeEngine";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEngineConfiguration.class);

    @Bean(name = ENGINE_BEAN, initMethod = "start", destroyMethod = "stop")
    ZeebeTestEngine embeddedZeebeEngine(EmbeddedEngineProperties properties) {
        LOG.info("Starting the embedded Zeebe engine with its gRPC gateway on port {} (state in memory)",
                properties.gatewayPort());
        return InMemoryEngines.create(properties.gatewayPort());
    }

    @Bean
    ClockControl embeddedClockControl(ZeebeTestEngine engine, ShiftableClock clock) {
        return new ClockControl() {
            @Override
            public synchronized Instant advance(Duration by) {
                engine.increaseTime(by);
                return clock.shift(by);
            }

            @Override
            public Instant now() {
                return clock.instant();
            }
        };
    }

    /** The Camunda client must not connect (or deploy) before the engine listens. */
    @Bean
    static BeanFactoryPostProcessor camundaClientAfterEmbeddedEngine() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(CamundaClient.class, true, false)) {
                var definition = beanFactory.getBeanDefinition(name);
                String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
                String[] extended = Arrays.copyOf(dependsOn, dependsOn.length + 1);
                extended[dependsOn.length] = ENGINE_BEAN;
                definition.setDependsOn(extended);
            }
        };
    }
}
