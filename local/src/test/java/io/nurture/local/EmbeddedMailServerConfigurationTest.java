package io.nurture.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedMailServerConfigurationTest {

    @Test
    void smtpServerListensOnLoopbackOnly() {
        MockEnvironment environment = new MockEnvironment().withProperty("nurture.mail.embedded-smtp.port", "2525");

        GreenMail server = new EmbeddedMailServerConfiguration().embeddedSmtpServer(environment);

        assertThat(server.getSmtp().getServerSetup().getBindAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void receivedMailIsNotKeptForever() throws Exception {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("nurture.mail.embedded-smtp.port", Integer.toString(FreePorts.any()));
        EmbeddedMailServerConfiguration configuration = new EmbeddedMailServerConfiguration();
        GreenMail server = configuration.embeddedSmtpServer(environment);
        server.start();
        try {
            GreenMailUtil.sendTextEmail(
                    "ada@example.com",
                    "shop@example.com",
                    "Your order",
                    "Thanks",
                    server.getSmtp().getServerSetup());
            assertThat(server.getReceivedMessages()).hasSize(1);

            configuration.receivedMail(server).forget();

            assertThat(server.getReceivedMessages()).isEmpty();
            assertThat(server.getUserManager().listUser()).isEmpty();
        } finally {
            server.stop();
        }
    }
}
