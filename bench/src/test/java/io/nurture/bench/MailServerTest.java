package io.nurture.bench;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailServerTest {

    @Test
    void countsEveryMailSentOverOneConnectionToTheSameNewAddress() throws Exception {
        try (MailServer server = new MailServer()) {
            Session session = Session.getInstance(smtpTo(server));
            sendOverOneConnection(
                    session,
                    List.of(
                            mailTo("new@example.com", "first", session),
                            mailTo(
                                    "new@example.com",
                                    ".\nA line that is only a dot does not end the mail.\n.",
                                    session)));

            assertThat(server.received()).isEqualTo(2);
        }
    }

    @Test
    void countsMailsPerTemplateByTheirHeader() throws Exception {
        try (MailServer server = new MailServer()) {
            Session session = Session.getInstance(smtpTo(server));
            List<MimeMessage> mails = new ArrayList<>();
            for (String template : new String[] {"order-confirmed", "order-shipped", "order-shipped"}) {
                MimeMessage mail = mailTo("new@example.com", "X-Nurture-Template: not a header here", session);
                mail.setHeader(MailServer.TEMPLATE_HEADER, template);
                mails.add(mail);
            }
            mails.add(mailTo("new@example.com", "no template", session));
            sendOverOneConnection(session, mails);

            assertThat(server.received("order-shipped")).isEqualTo(2);
            assertThat(server.received("order-confirmed")).isEqualTo(1);
            assertThat(server.received("not a header here")).isZero();
            assertThat(server.received()).isEqualTo(4);
        }
    }

    @Test
    void aMailSentAgainCountsOnceForItsTemplate() throws Exception {
        try (MailServer server = new MailServer()) {
            Session session = Session.getInstance(smtpTo(server));
            List<MimeMessage> mails = new ArrayList<>();
            for (String messageId :
                    new String[] {"<notification-1@nurture>", "<notification-1@nurture>", "<notification-2@nurture>"}) {
                MimeMessage mail = new MimeMessage(mailTo("new@example.com", "sent", session)) {
                    @Override
                    protected void updateMessageID() throws MessagingException {
                        setHeader("Message-ID", messageId);
                    }
                };
                mail.setHeader(MailServer.TEMPLATE_HEADER, "order-shipped");
                // As Spring's JavaMailSender does before it sends: the Message-ID is set here.
                mail.saveChanges();
                mails.add(mail);
            }
            sendOverOneConnection(session, mails);

            assertThat(server.received("order-shipped")).isEqualTo(2);
            assertThat(server.received()).isEqualTo(3);
        }
    }

    private static void sendOverOneConnection(Session session, List<MimeMessage> mails) throws Exception {
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (MimeMessage mail : mails) {
                transport.sendMessage(mail, mail.getAllRecipients());
            }
        }
    }

    private static Properties smtpTo(MailServer server) {
        Properties properties = new Properties();
        for (String setting : server.settings()) {
            String[] nameAndValue = setting.substring("--spring.mail.".length()).split("=", 2);
            properties.put("mail.smtp." + nameAndValue[0], nameAndValue[1]);
        }
        return properties;
    }

    private static MimeMessage mailTo(String address, String body, Session session) throws Exception {
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom(new InternetAddress("orders@nurture.example"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
        mail.setSubject("Your order");
        mail.setText(body);
        return mail;
    }
}
