package io.nurture.runtime;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retryBackoff how long a failed job waits before it is offered again
 * @param shutdownGrace how long shutdown waits for running job handlers
 */
@ConfigurationProperties("nurture.jobs")
record JobProperties(@DefaultValue("PT10S") Duration retryBackoff, @DefaultValue("PT20S") Duration shutdownGrace) {
}
