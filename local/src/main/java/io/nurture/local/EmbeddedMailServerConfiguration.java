package io.nurture.local;

import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * With no {@code spring.mail.host}, an in-process SMTP server (GreenMail) receives every mail, so
 * the real SMTP path always runs. It listens on 127.0.0.1 alone: "localhost" may also resolve to an
 * address other machines reach. It speaks SMTP only, so nobody outside the process reads what it
 * received: that is dropped every {@value #FORGET_AFTER} (the tests, which read it in-process, set it
 * longer). Kept, it grew the heap by about 10 KB per order for as long as Nurture ran.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = LocalDefaults.SMTP_ENABLED, havingValue = "true")
class EmbeddedMailServerConfiguration {

    static final String FORGET_AFTER = "nurture.mail.embedded-smtp.forget-after";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMailServerConfiguration.class);

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail embeddedSmtpServer(Environment environment) {
        int port = environment.getRequiredProperty(LocalDefaults.SMTP_PORT, Integer.class);
        LOG.info("Embedded SMTP server listening on {}:{}", LocalDefaults.LOOPBACK, port);
        return new GreenMail(new ServerSetup(port, LocalDefaults.LOOPBACK, ServerSetup.PROTOCOL_SMTP));
    }

    @Bean
    ReceivedMail receivedMail(GreenMail embeddedSmtpServer) {
        return new ReceivedMail(embeddedSmtpServer);
    }

    static final class ReceivedMail {

        private final GreenMail server;

        ReceivedMail(GreenMail server) {
            this.server = server;
        }

        /** Its recipients go with their mail: GreenMail opens a mailbox for every address it receives for. */
        @Scheduled(
                fixedDelayString = "${" + FORGET_AFTER + ":PT1M}",
                initialDelayString = "${" + FORGET_AFTER + ":PT1M}")
        void forget() {
            UserManager recipients = server.getUserManager();
            List.copyOf(recipients.listUser()).forEach(recipients::deleteUser);
        }
    }
}
