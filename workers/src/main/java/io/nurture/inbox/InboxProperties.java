package io.nurture.inbox;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param claimLapse    how long a claim keeps colleagues off an item unless renewed
 * @param digestHorizon the daily digest lists items whose deadline falls within this time
 * @param digestZone    the time zone of the digest's day (and of its cron, nurture.inbox.digest-cron)
 */
@ConfigurationProperties("nurture.inbox")
public record InboxProperties(
        @DefaultValue("PT30M") Duration claimLapse,
        @DefaultValue("PT24H") Duration digestHorizon,
        @DefaultValue("UTC") ZoneId digestZone) {}
