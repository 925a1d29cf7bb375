package io.nurture.bench;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.nurture.local.FreePorts;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The shop's mail server, in the benchmark's own process: in production Nurture sends to a mail
 * server of the shop's or its provider's, so receiving the mail is not Nurture's CPU. Left to the
 * app's local mode, its in-process server took about 0.6 ms of the app's CPU per order. What it
 * receives is dropped every few seconds; nobody reads it.
 */
final class MailServer implements AutoCloseable {

    private static final long FORGET_EVERY_SECONDS = 5;

    private final GreenMail server;
    private long forgotten;
    private final ScheduledExecutorService forgetting = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("mail-forgetting").daemon().factory());

    MailServer() {
        server = new GreenMail(new ServerSetup(FreePorts.any(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        forgetting.scheduleWithFixedDelay(this::forget, FORGET_EVERY_SECONDS, FORGET_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    /** The app's settings that send its mail here. */
    List<String> settings() {
        return List.of(
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + server.getSmtp().getPort());
    }

    /** Mails received so far: the check that Nurture's mail did come here. */
    synchronized long received() {
        return forgotten + server.getReceivedMessages().length;
    }

    private synchronized void forget() {
        try {
            forgotten += server.getReceivedMessages().length;
            server.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("The benchmark's mail server could not drop its mail", e);
        }
    }

    @Override
    public void close() {
        forgetting.shutdownNow();
        server.stop();
    }
}
