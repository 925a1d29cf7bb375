package io.nurture.notification;

import io.micrometer.core.instrument.MeterRegistry;
import io.nurture.outbox.OutboxDispatcher;
import io.nurture.outbox.OutboxProperties;
import io.nurture.outbox.OutboxTable;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Hands the mail outbox to the mail server: a batch of due messages over one SMTP connection, each
 * then marked delivered, or due again after a backoff when the server refused it or was down.
 * Every message carries a Message-ID made from its row, so the rare resend after a crash between
 * the server's acceptance and the mark is recognisable as the same mail; a database outage in that
 * moment shorter than the outbox lease resends nothing (the marks wait for the database,
 * {@link OutboxTable#delivered}).
 */
@Component
class MailDispatcher extends OutboxDispatcher {

    /** Names the template a mail was written from, e.g. {@code win-back}. */
    private static final String TEMPLATE_HEADER = "X-Nurture-Template";

    private static final OutboxTable.Layout LAYOUT = new OutboxTable.Layout("notifications", "sent_at", false, true);
    private static final Session NO_SESSION = Session.getInstance(new Properties());
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final JavaMailSender mailSender;
    private final NotificationProperties properties;
    private final ConsentAtSending consent;

    MailDispatcher(
            JdbcClient db,
            PlatformTransactionManager transactions,
            Clock clock,
            OutboxProperties outboxProperties,
            MeterRegistry meters,
            JavaMailSender mailSender,
            NotificationProperties properties,
            ConsentAtSending consent) {
        super(
                new OutboxTable("mail", LAYOUT, db, transactions, clock, outboxProperties, meters),
                outboxProperties.pollInterval(),
                outboxProperties.mailBatchWait());
        this.mailSender = mailSender;
        this.properties = properties;
        this.consent = consent;
    }

    @Override
    protected int deliverBatch() {
        OutboxTable.Claimed<PendingMail> claimed = outbox.claim(
                "id, recipient, subject, body, unsubscribe_token, template, category, customer_id",
                (rs, n) -> new PendingMail(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        Category.valueOf(rs.getString(7)),
                        rs.getString(8)));
        OutboxTable.Claim claim = claimed.claim();
        List<PendingMail> mails = claimed.rows();
        if (mails.isEmpty()) {
            return 0;
        }
        Set<Long> withdrawn = consent.withdrawn(needingConsent(mails));
        outbox.withdrawn(claim, withdrawn);
        Map<MimeMessage, Long> built = new LinkedHashMap<>();
        for (PendingMail mail : mails) {
            if (withdrawn.contains(mail.id())) {
                continue;
            }
            try {
                built.put(message(mail), mail.id());
            } catch (MessagingException unbuildable) {
                outbox.failed(claim, mail.id(), new MailRefusal(unbuildable));
            }
        }
        Map<Object, Exception> refused = send(List.copyOf(built.keySet()));
        List<Long> delivered = new ArrayList<>();
        built.forEach((message, id) -> {
            if (!refused.containsKey(message)) {
                delivered.add(id);
            }
        });
        // What the server took is marked first: should the database go now, those marks are the ones kept.
        outbox.delivered(claim, delivered);
        built.forEach((message, id) -> {
            if (refused.containsKey(message)) {
                outbox.failed(claim, id, new MailRefusal(refused.get(message)));
            }
        });
        return mails.size();
    }

    private static List<ConsentAtSending.Addressed> needingConsent(List<PendingMail> mails) {
        return mails.stream()
                .filter(mail -> mail.category().needsConsent())
                .map(mail -> new ConsentAtSending.Addressed(mail.id(), mail.customerId(), mail.recipient()))
                .toList();
    }

    /** The messages the server did not take, each with its reason (all of them when it was unreachable). */
    private Map<Object, Exception> send(List<MimeMessage> messages) {
        if (messages.isEmpty()) {
            return Map.of();
        }
        try {
            mailSender.send(messages.toArray(MimeMessage[]::new));
            return Map.of();
        } catch (MailSendException partly) {
            return partly.getFailedMessages();
        } catch (MailException unreachable) {
            Map<Object, Exception> all = new HashMap<>();
            messages.forEach(message -> all.put(message, unreachable));
            return all;
        }
    }

    /** Built on the message itself: Spring's MimeMessageHelper parses a MIME type table per message. */
    private MimeMessage message(PendingMail mail) throws MessagingException {
        MimeMessage message = new IdentifiedMessage("<notification-" + mail.id() + "@nurture>");
        message.setFrom(new InternetAddress(properties.from()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient()));
        message.setSubject(mail.subject(), UTF_8);
        message.setText(mail.body(), UTF_8);
        // Lets mail providers and the lifecycle simulation tell the messages apart without reading them.
        message.setHeader(TEMPLATE_HEADER, mail.template());
        if (mail.unsubscribeToken() != null) {
            // RFC 8058: mail providers offer "unsubscribe" and POST to the link, no login, no question.
            message.setHeader("List-Unsubscribe", properties.unsubscribeLinks().header(mail.unsubscribeToken()));
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }

    /** {@code unsubscribeToken} only on marketing mail. */
    private record PendingMail(
            long id,
            String recipient,
            String subject,
            String body,
            String unsubscribeToken,
            String template,
            Category category,
            String customerId) {}

    /** A message whose Message-ID is its outbox row's, not a fresh one per attempt. */
    private static final class IdentifiedMessage extends MimeMessage {

        private final String messageId;

        IdentifiedMessage(String messageId) {
            super(NO_SESSION);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
