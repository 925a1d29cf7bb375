package io.nurture.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole app in the test's JVM: the in-memory engine, the embedded MariaDB and the in-process
 * SMTP server (application-test.yaml). Every test class so marked shares one running app, so a test
 * injects what it needs ({@code JdbcClient}, the engine, the mail server, a service) instead of
 * extending a base class, and lives in the package of what it tests. A class that needs other
 * settings gets an app of its own, which costs the suite a start: only when it truly must.
 *
 * <p>Besides the app's beans a test can inject a {@link Shop} (the REST API as a shop uses it), the
 * {@link EngineRecords}, the {@link Mailbox}, {@link Tables} and the faults it arms
 * ({@link WorkerFaults}, {@link EngineBackPressure}, {@link IntakePauses}, {@code ProviderFaults}), which are disarmed
 * before each test. The process instances a class leaves open are ended after it ({@link EndLeftoverInstances}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestKit.class)
@TestExecutionListeners(
        listeners = {DisarmFaults.class, EndLeftoverInstances.class},
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface NurtureIntegrationTest {}
