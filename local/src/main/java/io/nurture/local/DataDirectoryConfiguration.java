package io.nurture.local;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class DataDirectoryConfiguration {

    /** Destroyed after the broker and the database that keep their state in it. */
    @Bean(destroyMethod = "deleteIfTemporary")
    DataDirectory dataDirectory(Environment environment) {
        boolean localBroker = "local".equals(environment.getProperty(LocalDefaults.ENGINE_MODE, "local"));
        boolean embeddedDatabase =
                environment.getProperty("spring.datasource.url", "").isBlank();
        return DataDirectory.open(environment.getProperty(LocalDefaults.DATA_DIR), localBroker && embeddedDatabase);
    }
}
