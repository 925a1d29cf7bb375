package io.nurture.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole app in the test's JVM: the in-memory engine, the embedded MariaDB and the in-process
 * SMTP server (application-test.yaml). Every test class so marked shares one running app, so a test
 * injects what it needs ({@code JdbcClient}, the engine, the mail server, a service) instead of
 * extending a base class, and lives in the package of what it tests. A class that needs other
 * settings gets an app of its own, which costs the suite a start: only when it truly must.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface NurtureIntegrationTest {}
