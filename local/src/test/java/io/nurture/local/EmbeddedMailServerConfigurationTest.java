package io.nurture.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedMailServerConfigurationTest {

    @Test
    void smtpServerListensOnLoopbackOnly() {
        MockEnvironment environment = new MockEnvironment().withProperty("nurture.mail.embedded-smtp.port", "2525");

        GreenMail server = new EmbeddedMailServerConfiguration().embeddedSmtpServer(environment);

        assertThat(server.getSmtp().getServerSetup().getBindAddress()).isEqualTo("127.0.0.1");
    }
}
