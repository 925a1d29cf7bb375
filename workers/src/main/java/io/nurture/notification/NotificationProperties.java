package io.nurture.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from   the sender address of every message
 * @param opsTo  where alerts for the operations team go
 * @param publicBaseUrl where customers reach Nurture's pages (unsubscribe, preferences); HTTPS in production
 */
@ConfigurationProperties("nurture.mail")
public record NotificationProperties(
        @DefaultValue("Nurture <orders@nurture.example>") String from,
        @DefaultValue("ops@nurture.example") String opsTo,
        @DefaultValue("http://localhost:8080") String publicBaseUrl) {

    UnsubscribeLinks unsubscribeLinks() {
        return new UnsubscribeLinks(publicBaseUrl);
    }
}
