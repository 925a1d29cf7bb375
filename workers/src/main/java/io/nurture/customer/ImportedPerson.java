package io.nurture.customer;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A person from the shop's earlier system, with the marketing consent they gave or refused there.
 *
 * @param name        empty when the earlier system did not know it
 * @param consentedAt when they answered there
 * @param wording     what they were shown when they answered
 * @param timeZone    null when not known
 */
public record ImportedPerson(
        String email, String name, boolean marketingConsent, Instant consentedAt, String wording, ZoneId timeZone) {}
