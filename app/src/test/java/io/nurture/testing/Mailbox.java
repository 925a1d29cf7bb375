package io.nurture.testing;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The mail the in-process SMTP server received, read once the mail outbox has sent what it holds. */
public final class Mailbox {

    private final GreenMail smtp;
    private final JdbcClient db;

    Mailbox(GreenMail smtp, JdbcClient db) {
        this.smtp = smtp;
        this.db = db;
    }

    public GreenMail server() {
        return smtp;
    }

    public List<String> subjectsFor(String address) {
        awaitDelivered();
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> isFor(message, address))
                .map(Mailbox::subject)
                .toList();
    }

    public List<String> bodiesFor(String address) {
        awaitDelivered();
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> isFor(message, address))
                .map(message -> {
                    try {
                        return message.getContent().toString();
                    } catch (MessagingException | IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** The templates the address's mail was written from ({@code X-Nurture-Template}). */
    public List<String> templatesFor(String address) {
        awaitDelivered();
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> isFor(message, address))
                .map(message -> header(message, "X-Nurture-Template"))
                .toList();
    }

    /** Mail goes out after its step committed (outbox): waits until none is waiting (through a database restart). */
    public void awaitDelivered() {
        await().atMost(Shop.PATIENCE)
                .ignoreExceptions()
                .until(() -> db.sql("SELECT COUNT(*) FROM notifications WHERE delivery = 'PENDING'")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    public static boolean isFor(Message message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .anyMatch(r -> r.toString().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first value of a header, or null when the message has none. */
    public static String header(Message message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(Message message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
