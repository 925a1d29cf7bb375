package io.nurture;

import io.camunda.client.annotation.Deployment;
import io.nurture.runtime.MailStreamProviderPin;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

// Callers authenticate with API keys; there are no user accounts or passwords to generate.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@EnableScheduling
@ConfigurationPropertiesScan
@Deployment(resources = {"classpath*:/*.bpmn", "classpath*:/*.dmn"})
public class NurtureApplication {

    public static void main(String[] args) {
        MailStreamProviderPin.pin();
        SpringApplication.run(NurtureApplication.class, args);
    }
}
