package io.nurture.notification;

/**
 * Transactional and service messages always go out; marketing messages (re-engagement, win-back,
 * review and referral asks) need consent and respect the frequency cap; triggered messages (an
 * abandoned checkout's reminders, the welcome series: the customer's own action started them)
 * need consent but are not held to the cap, nor counted in it.
 */
public enum Category {
    TRANSACTIONAL,
    MARKETING,
    TRIGGERED;

    /** Sent only with the customer's consent, and with an unsubscribe link. */
    public boolean needsConsent() {
        return this != TRANSACTIONAL;
    }
}
