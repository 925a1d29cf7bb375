package io.nurture.security;

/**
 * What a caller may do. Integrating systems (the shop, the payment provider's webhook relay, the
 * carrier's webhook relay) hold {@code INTEGRATION}; back-office tools and people hold {@code STAFF}; a
 * metrics scraper (Prometheus) holds {@code METRICS}, which reads {@code /actuator/prometheus} and
 * nothing else, so the key kept on the monitoring host opens no customer data. The mail provider's
 * delivery webhooks hold {@code MAIL_PROVIDER} by their signature, not by a key.
 * Survey links need no role: their unguessable token is the permission.
 */
public enum Role {
    INTEGRATION,
    STAFF,
    METRICS,
    MAIL_PROVIDER
}
