package io.nurture.runtime;

import io.camunda.client.CamundaClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    ShiftableClock clock() {
        return new ShiftableClock(Clock.systemUTC());
    }

    /**
     * On a cluster, clock control pins the cluster's clock (Camunda's clock API, which the cluster
     * must have enabled). Off unless explicitly switched on: it stops real time for every process.
     */
    @Bean
    @ConditionalOnExpression("'${nurture.engine.mode:local}' == 'cluster' and ${nurture.dev.clock-control:false}")
    ClockControl clusterClockControl(CamundaClient client, ShiftableClock clock) {
        return new ClockControl() {
            @Override
            public Instant advance(Duration by) {
                Instant now = clock.shift(by);
                client.newPinClockCommand().time(now.toEpochMilli()).send().join();
                return now;
            }

            @Override
            public Instant now() {
                return clock.instant();
            }
        };
    }
}
