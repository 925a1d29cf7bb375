package io.nurture.notification;

import java.util.regex.Pattern;

/**
 * Why a mail was not sent, told without the addresses in it: mail servers repeat the recipient in
 * their refusals ("550 5.1.1 <jane@example.com> unknown"), and the reason is kept on the outbox's
 * row and written to the log, where no customer's address belongs.
 */
final class MailRefusal extends Exception {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:\\[\\]]+@[^\\s<>\"'(),;:\\[\\]]*");

    MailRefusal(Exception refusal) {
        super(ADDRESS.matcher(String.valueOf(refusal)).replaceAll("<address>"), null, false, false);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
