package io.nurture;

import io.camunda.client.annotation.Deployment;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
@Deployment(resources = {"classpath*:/*.bpmn", "classpath*:/*.dmn"})
public class NurtureApplication {

    public static void main(String[] args) {
        SpringApplication.run(NurtureApplication.class, args);
    }
}
