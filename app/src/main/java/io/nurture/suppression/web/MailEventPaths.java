package io.nurture.suppression.web;

/** Where the mail provider posts its delivery events; the security filter checks their signatures on these. */
public final class MailEventPaths {

    public static final String NURTURE = "/api/mail-events";
    public static final String MAILGUN = "/api/mail-events/mailgun";

    private MailEventPaths() {}
}
