package io.nurture.notification;

/**
 * Transactional and service messages always go out; marketing messages (re-engagement, win-back,
 * review and referral asks) need consent and respect the frequency cap.
 */
public enum Category {
    TRANSACTIONAL,
    MARKETING
}
