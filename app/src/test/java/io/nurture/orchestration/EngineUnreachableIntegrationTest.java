package io.nurture.orchestration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.local.EmbeddedMariaDb;
import io.nurture.local.FreePorts;
import io.nurture.reliability.InjectedFault;
import io.nurture.reliability.ReliabilityReport;
import io.nurture.security.SliceClient;
import io.nurture.testing.OrderRequests;
import io.nurture.testing.OwnDatabase;
import io.nurture.testing.Shop;
import io.nurture.testkit.NurtureClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Nurture in cluster mode with the cluster down (its gateway address refuses connections): an
 * order is still accepted, and its process start waits in the engine outbox, retried with backoff.
 * The shop's checkout does not depend on the engine being up. The engine never comes back here:
 * starts delivered once it returns are {@code ClusterIntegrationTest}'s (an instance killed before
 * it reached the engine) and {@code LocalBrokerJourneyIntegrationTest}'s (a broker killed and
 * restarted).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "nurture.engine.mode=cluster",
            "camunda.client.mode=self-managed",
            "camunda.client.grpc-address=http://localhost:9",
            "camunda.client.rest-address=http://localhost:9",
            "camunda.client.prefer-rest-over-grpc=false",
            "camunda.client.deployment.enabled=false",
            "camunda.client.worker.defaults.enabled=false"
        })
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@InjectedFault(
        id = 3,
        fault = "the engine is unreachable when an order is placed",
        injected = "cluster mode with a gateway address that refuses connections",
        holds = "the order is accepted (201) and stored; its start waits in the engine outbox, retried with backoff")
class EngineUnreachableIntegrationTest {

    /** Cluster mode takes no embedded database: the shop's own, here one of the test's, started with the context. */
    private static EmbeddedMariaDb database;

    /** Where no mail server listens: the mail of the orders placed here waits in its outbox. */
    private static final int NO_MAIL_SERVER = FreePorts.any();

    @DynamicPropertySource
    static void shopsOwnDatabaseAndMailServer(DynamicPropertyRegistry settings) {
        OwnDatabase.settingsFor(database()).forEach((name, value) -> settings.add(name, () -> value));
        settings.add("spring.mail.host", () -> "127.0.0.1");
        settings.add("spring.mail.port", () -> NO_MAIL_SERVER);
    }

    private static synchronized EmbeddedMariaDb database() {
        if (database == null) {
            EmbeddedMariaDb started = OwnDatabase.in(
                    Path.of("target", "engine-unreachable", UUID.randomUUID().toString())
                            .toAbsolutePath());
            started.start();
            database = started;
            // When the test JVM ends: after this class's context, closed when the class is done.
            Runtime.getRuntime().addShutdownHook(new Thread(database::stop));
        }
        return database;
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    @Autowired
    EngineRelay relay;

    @Autowired
    Clock clock;

    @Test
    void orderPlacedWhileTheEngineIsDownIsAcceptedAndItsStartWaitsInTheOutbox(TestReporter report) {
        String email = OrderRequests.newCustomerEmail();
        Map<String, Object> order =
                new Shop(null, clock, Shop.PATIENCE).order(email, "TEA-SENCHA-100", 1, OrderRequests.card("tok_visa"));

        NurtureClient.Answer answer = new NurtureClient(port, SliceClient.HARNESS_KEY)
                .post("/api/orders", order, Map.of("Idempotency-Key", "engine-down-" + email));

        assertThat(answer.status()).isEqualTo(201);
        String orderId = answer.text("orderId");
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(orderId) >= 2);
        assertThat(db.sql("SELECT delivery FROM engine_messages WHERE correlation_key = ?")
                        .param(orderId)
                        .query(String.class)
                        .single())
                .isEqualTo("PENDING");
        assertThat(db.sql("SELECT status FROM orders WHERE id = ?")
                        .param(orderId)
                        .query(String.class)
                        .single())
                .isEqualTo("RECEIVED");
        report.publishEntry(
                ReliabilityReport.MEASURED,
                "answered %d; %d delivery attempts of its start within the test"
                        .formatted(answer.status(), attempts(orderId)));
    }

    @Test
    void startsWaitingOutALongBackoffAreTriedAtOnceWhenTheRelayIsToldTheEngineIsBack() {
        String email = OrderRequests.newCustomerEmail();
        String orderId = new NurtureClient(port, SliceClient.HARNESS_KEY)
                .post(
                        "/api/orders",
                        new Shop(null, clock, Shop.PATIENCE)
                                .order(email, "TEA-SENCHA-100", 1, OrderRequests.card("tok_visa")),
                        Map.of("Idempotency-Key", "engine-back-" + email))
                .text("orderId");
        int attemptsBefore = nextAttemptAnHourAhead(orderId);

        relay.retryWaitingRowsNow();

        await().atMost(Duration.ofSeconds(10)).until(() -> attempts(orderId) > attemptsBefore);
    }

    /**
     * As after a long outage: the backoff an hour ahead on the database's clock, where backoffs run. A
     * claim in flight while it is set would end with its own backoff, so it is checked.
     */
    private int nextAttemptAnHourAhead(String orderId) {
        return await().atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ofMillis(500))
                .until(
                        () -> {
                            int seen = attempts(orderId);
                            db.sql("UPDATE engine_messages SET retry_at = UTC_TIMESTAMP(6) + INTERVAL 1 HOUR"
                                            + " WHERE correlation_key = ?")
                                    .param(orderId)
                                    .update();
                            Thread.sleep(500);
                            boolean anHourAhead = db.sql("SELECT retry_at > UTC_TIMESTAMP(6) + INTERVAL 59 MINUTE"
                                            + " FROM engine_messages WHERE correlation_key = ?")
                                    .param(orderId)
                                    .query(Boolean.class)
                                    .single();
                            return seen > 0 && attempts(orderId) == seen && anHourAhead ? seen : null;
                        },
                        Objects::nonNull);
    }

    private int attempts(String orderId) {
        return db.sql("SELECT attempts FROM engine_messages WHERE correlation_key = ?")
                .param(orderId)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }
}
