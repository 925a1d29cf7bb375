package io.nurture.notification;

/**
 * Where a marketing mail's recipient leaves in one click (RFC 8058) or changes their mind: an
 * HTTPS link for mail providers and people. No mailto: nothing would read that mailbox, and a
 * request to leave that nobody reads is worse than none.
 */
record UnsubscribeLinks(String publicBaseUrl) {

    String unsubscribe(String token) {
        return publicBaseUrl + "/unsubscribe/" + token;
    }

    String preferences(String token) {
        return publicBaseUrl + "/preferences/" + token;
    }

    /** The List-Unsubscribe header: the one-click link first, as mail providers take it. */
    String header(String token) {
        return "<" + unsubscribe(token) + ">";
    }

    /** The visible part every marketing mail ends with. */
    String footer(String token) {
        return "\n\n--\nYou get this mail because you agreed to hear from us.\nUnsubscribe in one click: "
                + unsubscribe(token) + "\nYour e-mail preferences: " + preferences(token) + "\n";
    }
}
