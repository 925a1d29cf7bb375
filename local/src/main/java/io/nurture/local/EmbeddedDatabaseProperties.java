package io.nurture.local;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param port         the embedded server's port on 127.0.0.1; 0 picks a free one
 * @param database     the schema name
 * @param startupStall how long the starting server's log may stand still before the start counts as failed
 */
@ConfigurationProperties("nurture.database.embedded")
record EmbeddedDatabaseProperties(
        @DefaultValue("3307") int port,
        @DefaultValue("nurture") String database,
        @DefaultValue("PT1M") Duration startupStall) {}
