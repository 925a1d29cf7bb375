package io.nurture.runtime;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retryBackoff how long a failed job waits before it is offered again
 * @param shutdownGrace how long shutdown waits for running job handlers
 * @param commitWait   at least this long between tries of a job whose order is not stored (yet): the
 *                     intake may still commit; after the last try the process is cancelled
 */
@ConfigurationProperties("nurture.jobs")
record JobProperties(
        @DefaultValue("PT10S") Duration retryBackoff,
        @DefaultValue("PT20S") Duration shutdownGrace,
        @DefaultValue("PT2S") Duration commitWait) {}
