package io.nurture.local;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, Nurture starts its own MySQL-protocol server (MariaDB) and
 * talks to it over Connector/J like to any MySQL. Its data lives in Nurture's data directory, beside
 * the local broker's. The pool is closed before the server stops (it depends on it).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty() and '${nurture.engine.mode:local}' != 'cluster'")
class EmbeddedDatabaseConfiguration {

    @Bean(name = EmbeddedMariaDb.BEAN, initMethod = "start", destroyMethod = "stop")
    EmbeddedMariaDb embeddedMariaDb(EmbeddedDatabaseProperties properties, DataDirectory state) {
        return new EmbeddedMariaDb(EmbeddedMariaDb.Settings.in(
                state, properties.port(), properties.database(), properties.startupStall()));
    }

    /**
     * Connector/J's keyword lookup fails against MariaDB (no RESERVED column in
     * INFORMATION_SCHEMA.KEYWORDS), so Hibernate is told the server instead of asking the driver.
     */
    @Bean
    HibernatePropertiesCustomizer mariaDbDialect() {
        return properties -> {
            properties.put("hibernate.boot.allow_jdbc_metadata_access", "false");
            properties.put("jakarta.persistence.database-product-name", "MariaDB");
            properties.put("jakarta.persistence.database-major-version", "11");
            properties.put("jakarta.persistence.database-minor-version", "4");
        };
    }

    /** Pool settings come from {@code spring.datasource.hikari.*}, as for any other database. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedMariaDb embeddedMariaDb) {
        HikariDataSource hikari = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(embeddedMariaDb.jdbcUrl())
                .username(EmbeddedMariaDb.USER)
                .password(embeddedMariaDb.password())
                .build();
        hikari.setPoolName("nurture-embedded");
        return hikari;
    }
}
