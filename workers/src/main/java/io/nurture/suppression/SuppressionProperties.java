package io.nurture.suppression;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param secret            the shared secret of Nurture's own mail-event format (HMAC-SHA256 of the
 *     timestamp and body); unset: that webhook refuses every call
 * @param mailgunSigningKey Mailgun's HTTP webhook signing key; unset: the Mailgun webhook refuses every call
 * @param tolerance         how far a signed timestamp may lie from now: an older call is a replay
 * @param softBounceLimit   soft bounces of one address within {@code softBounceWindow} that suppress it
 * @param softBounceWindow  the time those soft bounces must fall within
 */
@ConfigurationProperties("nurture.mail-events")
public record SuppressionProperties(
        String secret,
        String mailgunSigningKey,
        @DefaultValue("PT5M") Duration tolerance,
        @DefaultValue("3") int softBounceLimit,
        @DefaultValue("P30D") Duration softBounceWindow) {}
