package io.nurture;

import io.camunda.client.annotation.Deployment;
import io.nurture.runtime.MailStreamProviderPin;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

// Callers authenticate with API keys; there are no user accounts or passwords to generate. A timer on every
// repository call and a counter consulted on every log-level check cost about 2 % and 0.5 % of the app's CPU per
// order, for figures no dashboard or alert reads (docs/performance.md); named here, a deployment's own
// spring.autoconfigure.exclude adds to them instead of replacing them.
@SpringBootApplication(
        exclude = UserDetailsServiceAutoConfiguration.class,
        excludeName = {
            "org.springframework.boot.actuate.autoconfigure.metrics.data.RepositoryMetricsAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.LogbackMetricsAutoConfiguration"
        })
@EnableScheduling
@ConfigurationPropertiesScan
@Deployment(resources = {"classpath*:/*.bpmn", "classpath*:/*.dmn"})
public class NurtureApplication {

    public static void main(String[] args) {
        MailStreamProviderPin.pin();
        SpringApplication.run(NurtureApplication.class, args);
    }
}
