package io.nurture.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * With no {@code spring.mail.host}, an in-process SMTP server (GreenMail) receives every mail, so
 * the real SMTP path always runs. Mail it receives is kept in memory only. It listens on 127.0.0.1
 * alone: "localhost" may also resolve to an address other machines reach.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = LocalDefaults.SMTP_ENABLED, havingValue = "true")
class EmbeddedMailServerConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMailServerConfiguration.class);

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail embeddedSmtpServer(Environment environment) {
        int port = environment.getRequiredProperty(LocalDefaults.SMTP_PORT, Integer.class);
        LOG.info("Embedded SMTP server listening on {}:{}", LocalDefaults.LOOPBACK, port);
        return new GreenMail(new ServerSetup(port, LocalDefaults.LOOPBACK, ServerSetup.PROTOCOL_SMTP));
    }
}
