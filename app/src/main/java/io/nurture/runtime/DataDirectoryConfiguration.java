package io.nurture.runtime;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class DataDirectoryConfiguration {

    /** Destroyed after the broker and the database that keep their state in it. */
    @Bean(destroyMethod = "deleteIfTemporary")
    DataDirectory dataDirectory(Environment environment) {
        boolean localBroker =
                EngineMode.parse(environment.getProperty(RuntimeDefaults.ENGINE_MODE, EngineMode.LOCAL.value()))
                        == EngineMode.LOCAL;
        boolean embeddedDatabase =
                environment.getProperty("spring.datasource.url", "").isBlank();
        return DataDirectory.open(environment.getProperty(RuntimeDefaults.DATA_DIR), localBroker && embeddedDatabase);
    }
}
