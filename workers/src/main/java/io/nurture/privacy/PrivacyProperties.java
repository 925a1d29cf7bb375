package io.nurture.privacy;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param eraseInactiveAfter a customer with no order and no consent to marketing given for this long
 *     (registered before that) has their personal data erased on schedule; {@code P0D} turns the
 *     schedule off
 */
@ConfigurationProperties("nurture.privacy")
public record PrivacyProperties(@DefaultValue("P3Y") Period eraseInactiveAfter) {}
