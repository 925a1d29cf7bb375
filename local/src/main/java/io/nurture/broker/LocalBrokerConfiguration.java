package io.nurture.broker;

import io.camunda.client.CamundaClient;
import io.nurture.clock.ClockControl;
import io.nurture.clock.EngineProgress;
import io.nurture.clock.ShiftableClock;
import io.nurture.local.DataDirectory;
import io.nurture.local.EmbeddedMariaDb;
import io.nurture.local.EngineFirst;
import io.nurture.orchestration.EngineRelay;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;

/** Local mode, the default: Nurture runs its own Zeebe broker as a child process. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "nurture.engine.mode", havingValue = "local", matchIfMissing = true)
class LocalBrokerConfiguration {

    static final String BROKER_BEAN = "localBroker";
    static final String BROKER_STARTED_BEAN = "localBrokerStarted";

    /** Begun when first needed (the database depends on it) and waited for by the Camunda client alone. */
    @Bean(name = BROKER_BEAN, initMethod = "begin", destroyMethod = "stop")
    LocalBroker localBroker(
            LocalBrokerProperties properties,
            DataDirectory state,
            @Value("${nurture.engine.gateway-port}") int gatewayPort,
            @Value("${nurture.dev.clock-control:false}") boolean clockControl) {
        return new LocalBroker(properties, state, gatewayPort, clockControl);
    }

    /** Exists once the broker is ready: what the Camunda client (its connection, its deployment) waits for. */
    @Bean(name = BROKER_STARTED_BEAN)
    BrokerStarted localBrokerStarted(LocalBroker broker) {
        broker.awaitStarted();
        return new BrokerStarted();
    }

    static final class BrokerStarted {}

    @Bean
    @ConditionalOnProperty(name = "nurture.dev.clock-control", havingValue = "true")
    ClockControl localBrokerClockControl(LocalBroker broker, ShiftableClock clock) {
        return ClockControl.moving(broker::moveClock, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "nurture.dev.clock-control", havingValue = "true")
    EngineProgress localBrokerProgress(LocalBroker broker) {
        return broker::progress;
    }

    /** Reported as "broker" in /actuator/health: down while it starts, restarts or after it died. */
    @Bean
    HealthIndicator brokerHealthIndicator(LocalBroker broker) {
        return () -> {
            LocalBroker.Status status = broker.status();
            Health.Builder health = status.ready() ? Health.up() : Health.down();
            return health.withDetail("pid", status.pid())
                    .withDetail("gatewayPort", status.gatewayPort())
                    .withDetail("data", status.data().toString())
                    .withDetail("restarts", status.restarts())
                    .withDetail("lastExit", status.lastExit())
                    .build();
        };
    }

    /**
     * When the broker is back, work resumes at once: the client reconnects without waiting out gRPC's
     * connection backoff, and the messages that failed while it was down go out without waiting out theirs.
     */
    @Bean
    SmartInitializingSingleton resumeWhenBrokerIsBack(LocalBroker broker, CamundaClient client, EngineRelay relay) {
        return () -> {
            ClientReconnect.of(client).ifPresent(broker::whenBack);
            broker.whenBack(relay::retryWaitingRowsNow);
        };
    }

    /** The supervisor must not bring back a broker that dies while Nurture stops. */
    @Bean
    ApplicationListener<ContextClosedEvent> noBrokerRestartsOnceShutdownBegins(LocalBroker broker) {
        return closed -> broker.noMoreRestarts();
    }

    @Bean
    static BeanFactoryPostProcessor camundaClientAfterLocalBroker() {
        return EngineFirst.camundaClientAfter(BROKER_STARTED_BEAN);
    }

    /** At shutdown the database stops before the broker: Spring destroys a bean before those it depends on. */
    @Bean
    static BeanFactoryPostProcessor embeddedDatabaseStopsBeforeLocalBroker() {
        return EngineFirst.dependsOn(EmbeddedMariaDb.BEAN, BROKER_BEAN);
    }
}
