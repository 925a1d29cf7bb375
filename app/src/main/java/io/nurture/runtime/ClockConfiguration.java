package io.nurture.runtime;

import io.nurture.clock.ShiftableClock;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** Real time, unless clock control moves it together with the engine's (local mode and tests only). */
    @Bean
    ShiftableClock clock() {
        return new ShiftableClock(Clock.systemUTC());
    }
}
