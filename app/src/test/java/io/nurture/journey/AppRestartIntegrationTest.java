package io.nurture.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.nurture.runtime.InMemoryEngines;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Cluster semantics: the engine runs outside the app (here in the test, as a cluster would) and
 * keeps its state while the app, a process of its own, gets SIGTERM in the middle of a burst of
 * orders and is started again on the same database. Every order finishes once and no incident is
 * left behind. Runs in its own JVM (see app/pom.xml), since it holds an engine of its own.
 */
class AppRestartIntegrationTest {

    private static final int ORDERS = 20;
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private static ZeebeTestEngine engine;
    private static int gatewayPort;

    @BeforeAll
    static void startCluster() throws IOException {
        gatewayPort = FreePorts.any();
        engine = InMemoryEngines.create(gatewayPort);
        engine.start();
    }

    @AfterAll
    static void stopCluster() {
        engine.stop();
    }

    @Test
    void ordersInFlightWhenTheAppIsTerminatedFinishOnceAfterItStartsAgain() throws Exception {
        Path database = Files.createDirectories(Path.of("target", "restart-db", UUID.randomUUID().toString()).toAbsolutePath());
        Map<String, Object> settings = settings(database);
        List<String> cardOrders = Collections.synchronizedList(new ArrayList<>());
        String invoiceOrder;

        try (AppProcess first = AppProcess.start(settings, Path.of("target", "app-restart-first.log"))) {
            NurtureClient shop = first.client();
            invoiceOrder = placed(shop.post("/api/orders", JourneyTest.order(JourneyTest.newCustomerEmail(),
                    "TEA-SENCHA-100", 1, JourneyTest.invoice())));
            await().atMost(PATIENCE).until(() -> shop.get("/api/orders/" + invoiceOrder).text("status").equals("AWAITING_PAYMENT"));
            // The slow test card takes 1 s per charge on 4 handler threads: the app stops mid-burst.
            IntStream.range(0, ORDERS).parallel().mapToObj(i -> placed(shop.post("/api/orders",
                    JourneyTest.order(JourneyTest.newCustomerEmail(), "CUP-CERAMIC-2", 1, JourneyTest.card("tok_slow")))))
                    .forEach(cardOrders::add);
            long shippedBeforeShutdown = cardOrders.stream()
                    .filter(id -> shop.get("/api/orders/" + id).text("status").equals("SHIPPED")).count();

            long stopping = System.nanoTime();
            assertThat(first.terminate()).as("the app ends by itself after SIGTERM").isTrue();
            System.out.printf("[reliability] SIGTERM with %d of %d card orders shipped; the app ended after %d ms%n",
                    shippedBeforeShutdown, ORDERS, Duration.ofNanos(System.nanoTime() - stopping).toMillis());
        }

        try (AppProcess second = AppProcess.start(settings, Path.of("target", "app-restart-second.log"))) {
            NurtureClient shop = second.client();
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(cardOrders)
                    .extracting(id -> shop.get("/api/orders/" + id).text("status")).containsOnly("SHIPPED"));
            String total = shop.get("/api/orders/" + invoiceOrder).text("total");
            shop.post("/api/orders/" + invoiceOrder + "/payments", Map.of("amount", total, "reference", "BANK-RESTART"));
            await().atMost(PATIENCE).until(() -> shop.get("/api/orders/" + invoiceOrder).text("status").equals("SHIPPED"));

            assertThat(cardOrders).allSatisfy(id -> assertThat(JourneyTest.timelineStatuses(shop, id))
                    .containsOnlyOnce("PAID").containsOnlyOnce("SHIPPED"));
            assertThat(incidents()).isEmpty();
            System.out.printf("[reliability] jobs handed back to the engine by timeout: %d%n", timedOutJobs());
        } finally {
            FileSystemUtils.deleteRecursively(database);
        }
    }

    /**
     * The engine outbox across a crash: the app commits orders while the engine is out of reach, and
     * is killed (SIGKILL) before it could send their starts. The starts of the first order are in
     * the outbox twice, as when the engine took one just before the crash and the row could not be
     * deleted any more. Started again, the app delivers every start; each order runs exactly once.
     */
    @Test
    void orderStartsCommittedBeforeTheAppWasKilledReachTheEngineOnceAfterItStartsAgain() throws Exception {
        Path database = Files.createDirectories(Path.of("target", "restart-db", UUID.randomUUID().toString()).toAbsolutePath());
        int databasePort = FreePorts.any();
        Map<String, Object> settings = settings(database);
        settings.put("nurture.database.embedded.port", databasePort);
        Map<String, Object> engineOutOfReach = new HashMap<>(settings);
        engineOutOfReach.put("camunda.client.grpc-address", "http://localhost:" + FreePorts.any());
        engineOutOfReach.put("camunda.client.deployment.enabled", false);
        List<String> orders = new ArrayList<>();

        try (AppProcess first = AppProcess.startWithoutEngine(engineOutOfReach, Path.of("target", "app-outbox-first.log"));
                Connection db = DriverManager.getConnection("jdbc:mysql://localhost:" + databasePort + "/nurture", "root", "")) {
            IntStream.range(0, 5).forEach(i -> orders.add(placed(first.client().post("/api/orders",
                    JourneyTest.order(JourneyTest.newCustomerEmail(), "CUP-CERAMIC-2", 1, JourneyTest.card("tok_visa"))))));
            assertThat(count(db, "SELECT COUNT(*) FROM engine_messages WHERE delivery = 'PENDING'")).isEqualTo(5);
            db.createStatement().executeUpdate("INSERT INTO engine_messages (message_name, correlation_key, message_id,"
                    + " time_to_live_ms, variables, created_at, delivery, next_attempt_at) SELECT message_name, correlation_key,"
                    + " message_id, time_to_live_ms, variables, created_at, delivery, next_attempt_at FROM engine_messages"
                    + " WHERE correlation_key = '" + orders.get(0) + "'");
            first.kill();
        }

        try (AppProcess second = AppProcess.start(settings, Path.of("target", "app-outbox-second.log"));
                Connection db = DriverManager.getConnection("jdbc:mysql://localhost:" + databasePort + "/nurture", "root", "")) {
            NurtureClient shop = second.client();
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(orders)
                    .extracting(id -> shop.get("/api/orders/" + id).text("status")).containsOnly("SHIPPED"));
            await().atMost(PATIENCE).until(() -> count(db, "SELECT COUNT(*) FROM engine_messages") == 0);
            assertThat(orders).allSatisfy(id -> assertThat(fulfillmentInstancesOf(id)).isEqualTo(1));
            assertThat(refusedAsDuplicate("order-placed-" + orders.get(0))).as("the repeated start, refused").isEqualTo(1);
            assertThat(incidents()).isEmpty();
        } finally {
            FileSystemUtils.deleteRecursively(database);
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (ResultSet result = db.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static long refusedAsDuplicate(String messageId) {
        return StreamSupport.stream(RecordStream.of(engine.getRecordStreamSource()).messageRecords().spliterator(), false)
                .filter(r -> r.getRecordType() == RecordType.COMMAND_REJECTION)
                .filter(r -> r.getRejectionType() == RejectionType.ALREADY_EXISTS)
                .filter(r -> r.getValue().getMessageId().equals(messageId))
                .count();
    }

    private static long fulfillmentInstancesOf(String orderId) {
        List<Record<?>> records = new ArrayList<>();
        engine.getRecordStreamSource().getRecords().forEach(records::add);
        return JourneyTest.fulfillmentInstancesOf(RecordStream.of(() -> records), orderId);
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
        // Jobs the stopped app had taken but not finished come back to the new one after this.
        settings.put("camunda.client.worker.defaults.timeout", "PT5S");
        return settings;
    }

    private static String placed(NurtureClient.Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.text("orderId");
    }

    private static List<Record<?>> incidents() {
        return StreamSupport.stream(RecordStream.of(engine.getRecordStreamSource()).incidentRecords().spliterator(), false)
                .filter(r -> r.getIntent() == IncidentIntent.CREATED)
                .<Record<?>>map(r -> r)
                .toList();
    }

    private static long timedOutJobs() {
        return StreamSupport.stream(RecordStream.of(engine.getRecordStreamSource()).jobRecords().spliterator(), false)
                .filter(r -> r.getIntent() == JobIntent.TIMED_OUT)
                .count();
    }

}
