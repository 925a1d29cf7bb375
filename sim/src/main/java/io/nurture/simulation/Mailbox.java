package io.nurture.simulation;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customers' inboxes: an SMTP server the app under simulation sends to, so customers react to
 * the mails they really got (a survey, a coupon, an unsubscribe link), not to what the models meant
 * to send.
 */
final class Mailbox implements AutoCloseable {

    /** Set by Nurture on every mail it sends (MailDispatcher.TEMPLATE_HEADER). */
    static final String TEMPLATE_HEADER = "X-Nurture-Template";

    private static final Pattern HTTPS_LINK = Pattern.compile("<(https?://[^>]+)>");
    private static final Pattern CONFIRM_LINK = Pattern.compile("https?://\\S+(/consent/\\S+)");

    private final GreenMail server;

    /**
     * A mail as a customer's client sees it; {@code unsubscribePath} only on marketing mail,
     * {@code confirmPath} only on the request to confirm a sign-up.
     */
    record Mail(String recipient, String template, String unsubscribePath, String confirmPath) {

        boolean marketing() {
            return unsubscribePath != null;
        }
    }

    Mailbox(int port) {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** The mails received since the last call, in the order they arrived; the server forgets them. */
    List<Mail> take() {
        MimeMessage[] received = server.getReceivedMessages();
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("The inboxes could not be emptied", e);
        }
        List<Mail> mails = new ArrayList<>(received.length);
        for (MimeMessage message : received) {
            mails.add(read(message));
        }
        return mails;
    }

    private static Mail read(MimeMessage message) {
        try {
            String recipient = message.getAllRecipients()[0].toString();
            String template = message.getHeader(TEMPLATE_HEADER, null);
            String unsubscribe = message.getHeader("List-Unsubscribe", null);
            String path = null;
            if (unsubscribe != null) {
                Matcher link = HTTPS_LINK.matcher(unsubscribe);
                if (link.find()) {
                    path = URI.create(link.group(1)).getRawPath();
                }
            }
            return new Mail(recipient, template == null ? "unknown" : template, path, confirmPath(message));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable mail", e);
        }
    }

    private static String confirmPath(MimeMessage message) throws MessagingException, IOException {
        if (!"sign-up-confirmation".equals(message.getHeader(TEMPLATE_HEADER, null))) {
            return null;
        }
        Matcher link = CONFIRM_LINK.matcher(message.getContent().toString());
        return link.find() ? link.group(1) : null;
    }

    @Override
    public void close() {
        server.stop();
    }
}
