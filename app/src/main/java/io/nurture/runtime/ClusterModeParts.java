package io.nurture.runtime;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Cluster mode runs on the shop's own database and mail server, in either jar: the cluster jar has no
 * embedded ones, and the local jar's (the in-process SMTP server keeps mail a while, then drops it)
 * are local mode's, never a silent stand-in for a shop's own. Without {@code spring.datasource.url}
 * and {@code spring.mail.host} Nurture refuses to start before any bean is made, so the check sees
 * test and deployment settings alike.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = RuntimeDefaults.ENGINE_MODE, havingValue = "cluster")
class ClusterModeParts {

    @Bean
    static BeanFactoryPostProcessor shopsOwnDatabaseAndMailServer(Environment environment) {
        return beans -> {
            require(environment, "spring.datasource.url", "SPRING_DATASOURCE_URL", "database");
            require(environment, "spring.mail.host", "SPRING_MAIL_HOST", "SMTP server");
        };
    }

    private static void require(Environment environment, String property, String variable, String part) {
        if (environment.getProperty(property, "").isBlank()) {
            throw new IllegalStateException("Cluster mode runs on the shop's own " + part + ": set " + property + " ("
                    + variable + "); an embedded one is local mode's (nurture-app-*-local.jar)");
        }
    }
}
