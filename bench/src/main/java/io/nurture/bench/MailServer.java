package io.nurture.bench;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shop's mail server, in the benchmark's own process: in production Nurture sends to a mail
 * server of the shop's or its provider's, so receiving the mail is not Nurture's CPU. Left to the
 * app's local mode, its in-process server took about 0.6 ms of the app's CPU per order. It speaks
 * SMTP on loopback, accepts every mail, counts it (in all, and per Nurture template, the mail's
 * {@value #TEMPLATE_HEADER} header, as distinct messages by their Message-ID, so a mail the outbox
 * sent again counts once) and keeps nothing. (GreenMail, used before, creates
 * a mailbox on an address's first mail, and two first mails to one address at once raced: "Mailbox
 * … already exists", a refused mail and a stack trace in the benchmark's output.)
 */
final class MailServer implements AutoCloseable {

    static final String TEMPLATE_HEADER = "X-Nurture-Template";

    private static final String TEMPLATE_LINE = TEMPLATE_HEADER.toLowerCase(Locale.ROOT) + ":";
    private static final String MESSAGE_ID_LINE = "message-id:";

    private final ServerSocket socket;
    private final ExecutorService sessions = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong received = new AtomicLong();
    private final Map<String, Set<String>> receivedPerTemplate = new ConcurrentHashMap<>();

    MailServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().name("mail-server").daemon().start(this::accept);
    }

    /** The app's settings that send its mail here. */
    List<String> settings() {
        return List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + socket.getLocalPort());
    }

    /** Mails received so far: the check that Nurture's mail did come here. */
    long received() {
        return received.get();
    }

    /** Distinct mails of one template received so far, e.g. {@code order-shipped}: one per order handed to the carrier. */
    long received(String template) {
        Set<String> messages = receivedPerTemplate.get(template);
        return messages == null ? 0 : messages.size();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                sessions.execute(() -> converse(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client;
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII)) {
            reply(out, "220 bench mail server ready");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() < 4 ? line : line.substring(0, 4);
                switch (verb.toUpperCase(Locale.ROOT)) {
                    case "EHLO", "HELO" -> reply(out, "250 bench");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        Headers headers = readHeaders(in);
                        long number = received.incrementAndGet();
                        if (headers.template() != null) {
                            receivedPerTemplate
                                    .computeIfAbsent(headers.template(), any -> ConcurrentHashMap.newKeySet())
                                    .add(headers.messageId() == null ? "unnamed-" + number : headers.messageId());
                        }
                        reply(out, "250 accepted");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (IOException gone) {
            // the app closed its connection: its mail outbox decides what to send again
        }
    }

    /** The two headers a mail is counted by; either may be missing. */
    private record Headers(String template, String messageId) {}

    /** Reads past the message to its closing dot, noting its template and Message-ID: it is counted, not kept. */
    private static Headers readHeaders(BufferedReader in) throws IOException {
        String template = null;
        String messageId = null;
        boolean inHeaders = true;
        String line = in.readLine();
        while (line != null && !line.equals(".")) {
            inHeaders = inHeaders && !line.isEmpty();
            String lowerCase = line.toLowerCase(Locale.ROOT);
            if (inHeaders && lowerCase.startsWith(TEMPLATE_LINE)) {
                template = line.substring(TEMPLATE_LINE.length()).strip();
            } else if (inHeaders && lowerCase.startsWith(MESSAGE_ID_LINE)) {
                messageId = line.substring(MESSAGE_ID_LINE.length()).strip();
            }
            line = in.readLine();
        }
        if (line == null) {
            throw new EOFException("The app closed its connection inside a message");
        }
        return new Headers(template, messageId);
    }

    private static void reply(Writer out, String reply) throws IOException {
        out.write(reply + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        sessions.shutdownNow();
    }
}
