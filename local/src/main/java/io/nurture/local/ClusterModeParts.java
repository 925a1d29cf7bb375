package io.nurture.local;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Cluster mode in the local jar: the embedded database and the in-process SMTP server (which keeps
 * mail a while, then drops it) are local mode's, never a silent stand-in for a shop's own. Without
 * {@code spring.datasource.url} and {@code spring.mail.host} Nurture refuses to start, as the
 * cluster jar does, before any bean is made.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = LocalDefaults.ENGINE_MODE, havingValue = "cluster")
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
                    + variable + "); the embedded one is local mode's");
        }
    }
}
