package io.nurture.testing;

import io.nurture.local.EmbeddedMariaDb;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A MariaDB server of a test's own, where a shop's own MySQL would stand beside Nurture in cluster
 * mode, and the settings that point Nurture at it.
 */
public final class OwnDatabase {

    private OwnDatabase() {}

    /** Not started yet: its binaries, data and log below {@code home}, on any free port. */
    public static EmbeddedMariaDb in(Path home) {
        return new EmbeddedMariaDb(new EmbeddedMariaDb.Settings(
                home.resolve("mariadb-server"),
                home.resolve("mariadb"),
                home,
                home.resolve("mariadb.log"),
                0,
                "nurture",
                Duration.ofMinutes(1)));
    }

    /** Nurture's settings for a started one: the data source, and the server named to Hibernate. */
    public static Map<String, Object> settingsFor(EmbeddedMariaDb database) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", database.jdbcUrl());
        settings.put("spring.datasource.username", EmbeddedMariaDb.USER);
        settings.put("spring.datasource.password", database.password());
        // Connector/J cannot read MariaDB's keywords: Hibernate is told the server (as in embedded mode).
        settings.put("spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access", false);
        settings.put("spring.jpa.properties.jakarta.persistence.database-product-name", "MariaDB");
        settings.put("spring.jpa.properties.jakarta.persistence.database-major-version", 11);
        settings.put("spring.jpa.properties.jakarta.persistence.database-minor-version", 4);
        return settings;
    }
}
