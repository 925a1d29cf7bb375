package io.nurture.runtime;

import jakarta.mail.util.StreamProvider;
import java.util.ServiceLoader;

/**
 * Jakarta Mail (API 2.1.5) looks its stream provider up again for every header block it parses and
 * every body part it writes, through the ServiceLoader unless a system property names the class: in
 * the app's jar that is a scan of every nested jar's {@code META-INF/services}, 2.7 % of the app's CPU
 * in the benchmark (a JFR profile, 2026-12-04). Named once at start, each lookup is a class lookup.
 */
public final class MailStreamProviderPin {

    private MailStreamProviderPin() {}

    /** Names the provider the class path offers, unless the property is set already. */
    public static void pin() {
        String property = StreamProvider.class.getName();
        if (System.getProperty(property) != null) {
            return;
        }
        ServiceLoader.load(StreamProvider.class)
                .findFirst()
                .ifPresent(provider ->
                        System.setProperty(property, provider.getClass().getName()));
    }
}
