package io.nurture.testing;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Awaitility's default looks first after 100 ms and then every 100 ms. The integration tests wait
 * for dozens of steps each, so that wait, not work, was most of their time (ReturnIntegrationTest
 * 24.7 s alone, 7.7 s with these looks). A look is an HTTP call or a query: cheap. Set for the whole
 * test JVM before any test runs, so every lane, child-process tests included, looks alike.
 */
public class QuickLooks implements LauncherSessionListener {

    private static final Duration EVERY = Duration.ofMillis(25);

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(EVERY);
    }
}
