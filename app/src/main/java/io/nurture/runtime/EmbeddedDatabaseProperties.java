package io.nurture.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param port      the embedded server's port; 0 picks a free one
 * @param database  the schema name
 */
@ConfigurationProperties("nurture.database.embedded")
record EmbeddedDatabaseProperties(
        @DefaultValue("3307") int port,
        @DefaultValue("nurture") String database) {
}
