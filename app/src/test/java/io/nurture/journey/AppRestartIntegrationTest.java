package io.nurture.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.broker.LocalBroker;
import io.nurture.processes.OrderFulfillment;
import io.nurture.reliability.InjectedFault;
import io.nurture.reliability.ReliabilityReport;
import io.nurture.runtime.EmbeddedMariaDb;
import io.nurture.runtime.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.util.FileSystemUtils;

/**
 * Cluster semantics: the engine, a real Zeebe broker, runs outside the app (started by the test, as
 * a cluster's would be) and keeps its state while the app, a process of its own, is killed between
 * committing orders and sending their starts, and is started again on the same database. Every order
 * finishes once and no incident is left behind. (A stop mid-burst is the local-mode lifecycle test's:
 * the app's shutdown is the same in both modes.)
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(AppProcess.CHILD_PROCESSES)
class AppRestartIntegrationTest {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private static Path brokerData;
    private static LocalBroker broker;
    private static int gatewayPort;

    @BeforeAll
    static void startBroker() throws IOException {
        brokerData = Path.of("target", "restart-broker", UUID.randomUUID().toString()).toAbsolutePath();
        gatewayPort = FreePorts.any();
        broker = TestBrokers.broker(brokerData, gatewayPort, Map.of());
        // Its first app runs without an engine: the broker boots meanwhile and is waited for by the second.
        broker.begin();
    }

    @AfterAll
    static void stopBroker() throws IOException {
        broker.stop();
        FileSystemUtils.deleteRecursively(brokerData.resolve("zeebe"));
    }

    /**
     * The engine outbox across a crash: the app commits orders while the engine is out of reach, and
     * is killed (SIGKILL) before it could send their starts. The starts of the first order are in
     * the outbox twice, as when the engine took one just before the crash and the row could not be
     * deleted any more. Started again, the app delivers every start; each order runs exactly once.
     */
    @Test
    @InjectedFault(id = 16, fault = "the app is killed between commit and engine command",
            injected = "5 orders committed with the engine out of reach, one start duplicated in the outbox; SIGKILL; a new app on the same database",
            holds = "every order ships with exactly one process instance; the duplicate is refused by the engine; the outbox empties; no incident")
    void orderStartsCommittedBeforeTheAppWasKilledReachTheEngineOnceAfterItStartsAgain(TestReporter report) throws Exception {
        Path database = Files.createDirectories(Path.of("target", "restart-db", UUID.randomUUID().toString()).toAbsolutePath());
        int databasePort = FreePorts.any();
        Map<String, Object> settings = settings(database);
        settings.put("nurture.database.embedded.port", databasePort);
        Map<String, Object> engineOutOfReach = new HashMap<>(settings);
        engineOutOfReach.put("camunda.client.grpc-address", "http://localhost:" + FreePorts.any());
        engineOutOfReach.put("camunda.client.deployment.enabled", false);
        List<String> orders = new ArrayList<>();

        try (AppProcess first = AppProcess.startWithoutEngine(engineOutOfReach, Path.of("target", "app-outbox-first.log"));
                Connection db = database(databasePort, database)) {
            IntStream.range(0, 5).forEach(i -> orders.add(placed(first.client().post("/api/orders",
                    JourneyTest.order(JourneyTest.newCustomerEmail(), "CUP-CERAMIC-2", 1, JourneyTest.card("tok_visa"))))));
            assertThat(count(db, "SELECT COUNT(*) FROM engine_messages WHERE delivery = 'PENDING'")).isEqualTo(5);
            db.createStatement().executeUpdate("INSERT INTO engine_messages (message_name, correlation_key, message_id,"
                    + " time_to_live_ms, variables, created_at, delivery, next_attempt_at) SELECT message_name, correlation_key,"
                    + " message_id, time_to_live_ms, variables, created_at, delivery, next_attempt_at FROM engine_messages"
                    + " WHERE correlation_key = '" + orders.get(0) + "'");
            first.kill();
        }

        broker.awaitStarted();
        try (AppProcess second = AppProcess.start(settings, Path.of("target", "app-outbox-second.log"));
                Connection db = database(databasePort, database)) {
            NurtureClient shop = second.client();
            long restarted = System.nanoTime();
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(orders)
                    .extracting(id -> shop.get("/api/orders/" + id).text("status")).containsOnly("SHIPPED"));
            await().atMost(PATIENCE).until(() -> count(db, "SELECT COUNT(*) FROM engine_messages") == 0);
            assertThat(orders).allSatisfy(id -> assertThat(fulfillmentInstancesOf(id)).as(id).isEqualTo(1));
            report.publishEntry(ReliabilityReport.MEASURED, "all %d shipped %d s after the new app answered"
                    .formatted(orders.size(), Duration.ofNanos(System.nanoTime() - restarted).toSeconds()));
            assertThat(refusedAsDuplicate("order-placed-" + orders.get(0))).as("the repeated start, refused").isEqualTo(1);
            assertThat(incidents()).isZero();
        } finally {
            FileSystemUtils.deleteRecursively(database);
        }
    }

    /** As Nurture connects: its own user, with the password the embedded database generated at its first start. */
    private static Connection database(int port, Path dataDir) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/nurture?sslMode=DISABLED",
                EmbeddedMariaDb.USER, EmbeddedMariaDb.passwordIn(dataDir));
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (ResultSet result = db.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static long refusedAsDuplicate(String messageId) throws IOException {
        return BrokerExport.messagesRefusedAsDuplicate(List.of(brokerData), messageId);
    }

    private static long fulfillmentInstancesOf(String orderId) throws IOException {
        return BrokerExport.instancesWith(List.of(brokerData), OrderFulfillment.PROCESS_ID, "orderId", orderId);
    }

    private static Map<String, Object> settings(Path dataDir) throws IOException {
        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.profiles.active", "test");
        settings.put("nurture.engine.mode", "cluster");
        settings.put("camunda.client.mode", "self-managed");
        settings.put("camunda.client.grpc-address", "http://localhost:" + gatewayPort);
        settings.put("camunda.client.rest-address", "http://localhost:9");
        settings.put("camunda.client.prefer-rest-over-grpc", false);
        settings.put("nurture.data-dir", dataDir.toString());
        settings.put("server.port", FreePorts.any());
        // Starts the engine refused while out of reach are tried again within seconds of its return, not minutes.
        settings.put("nurture.outbox.max-backoff", "PT2S");
        return settings;
    }

    private static String placed(NurtureClient.Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.text("orderId");
    }

    private static long incidents() throws IOException {
        return BrokerExport.incidentsCreated(List.of(brokerData));
    }

}
