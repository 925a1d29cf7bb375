package io.nurture.runtime;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.nurture.clock.ClockControl;
import io.nurture.clock.ShiftableClock;
import io.nurture.local.EngineFirst;
import io.nurture.processes.testing.InMemoryEngines;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Test-only engine mode ({@code nurture.engine.mode=embedded}): zeebe-process-test's in-memory
 * engine inside the test JVM, serving the standard gRPC gateway. Fast and isolated, and its record
 * stream lets a test see every step the engine took; it keeps nothing and slows down as its state
 * grows, so the running app never uses it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = RuntimeDefaults.ENGINE_MODE, havingValue = "embedded")
class EmbeddedEngineConfiguration {

    static final String ENGINE_BEAN = "embeddedZeebeEngine";

    @Bean(name = ENGINE_BEAN, initMethod = "start", destroyMethod = "stop")
    ZeebeTestEngine embeddedZeebeEngine(@Value("${nurture.engine.gateway-port}") int gatewayPort) {
        return InMemoryEngines.create(gatewayPort);
    }

    @Bean
    ClockControl embeddedClockControl(ZeebeTestEngine engine, ShiftableClock clock) {
        return ClockControl.moving(engine::increaseTime, clock);
    }

    @Bean
    static BeanFactoryPostProcessor camundaClientAfterEmbeddedEngine() {
        return EngineFirst.camundaClientAfter(ENGINE_BEAN);
    }
}
