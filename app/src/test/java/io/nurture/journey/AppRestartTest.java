package io.nurture.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.nurture.NurtureApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Cluster semantics: the engine runs outside the app (here in the test, as a cluster would) and
 * keeps its state while the app is shut down gracefully in the middle of a burst of orders and
 * started again on the same database. Every order finishes once and no incident is left behind.
 * Runs in its own JVM (see app/pom.xml), since it starts its own engine.
 */
class AppRestartTest {

    private static final int ORDERS = 20;
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private static ZeebeTestEngine engine;
    private static int gatewayPort;

    @BeforeAll
    static void startCluster() throws IOException {
        gatewayPort = freePort();
        engine = EngineFactory.create(gatewayPort);
        engine.start();
    }

    @AfterAll
    static void stopCluster() {
        engine.stop();
    }

    @Test
    void ordersInFlightWhenTheAppStopsFinishOnceAfterItStartsAgain() throws IOException {
        Path database = Files.createDirectories(Path.of("target", "restart-db", UUID.randomUUID().toString()).toAbsolutePath());
        Map<String, Object> settings = settings(database);
        List<String> cardOrders = new ArrayList<>();
        String invoiceOrder;

        try (ConfigurableApplicationContext first = start(settings)) {
            NurtureClient shop = client(first);
            invoiceOrder = placed(shop.post("/api/orders", JourneyTest.order(JourneyTest.newCustomerEmail(),
                    "TEA-SENCHA-100", 1, JourneyTest.invoice())));
            await().atMost(PATIENCE).until(() -> shop.get("/api/orders/" + invoiceOrder).text("status").equals("AWAITING_PAYMENT"));
            IntStream.range(0, ORDERS).forEach(i -> cardOrders.add(placed(shop.post("/api/orders",
                    JourneyTest.order(JourneyTest.newCustomerEmail(), "CUP-CERAMIC-2", 1, JourneyTest.card("tok_visa"))))));
            long shippedBeforeShutdown = cardOrders.stream()
                    .filter(id -> shop.get("/api/orders/" + id).text("status").equals("SHIPPED")).count();
            System.out.printf("[reliability] app stopped with %d of %d card orders shipped%n", shippedBeforeShutdown, ORDERS);
        }

        try (ConfigurableApplicationContext second = start(settings)) {
            NurtureClient shop = client(second);
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(cardOrders)
                    .extracting(id -> shop.get("/api/orders/" + id).text("status")).containsOnly("SHIPPED"));
            String total = shop.get("/api/orders/" + invoiceOrder).text("total");
            shop.post("/api/orders/" + invoiceOrder + "/payments", Map.of("amount", total, "reference", "BANK-RESTART"));
            await().atMost(PATIENCE).until(() -> shop.get("/api/orders/" + invoiceOrder).text("status").equals("SHIPPED"));

            assertThat(cardOrders).allSatisfy(id -> assertThat(statuses(shop, id))
                    .containsOnlyOnce("PAID").containsOnlyOnce("SHIPPED"));
            assertThat(incidents()).isEmpty();
        } finally {
            FileSystemUtils.deleteRecursively(database);
        }
    }

    private static Map<String, Object> settings(Path dataDir) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("nurture.engine.mode", "cluster");
        settings.put("camunda.client.mode", "self-managed");
        settings.put("camunda.client.grpc-address", "http://localhost:" + gatewayPort);
        settings.put("camunda.client.rest-address", "http://localhost:9");
        settings.put("camunda.client.prefer-rest-over-grpc", false);
        settings.put("nurture.database.embedded.data-dir", dataDir.toString());
        settings.put("server.port", 0);
        // Jobs the stopped app had taken but not started come back to the new one after this.
        settings.put("camunda.client.worker.defaults.timeout", "PT5S");
        return settings;
    }

    private static ConfigurableApplicationContext start(Map<String, Object> settings) {
        String[] arguments = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(NurtureApplication.class).profiles("test").run(arguments);
    }

    private static NurtureClient client(ConfigurableApplicationContext app) {
        return new NurtureClient(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    private static String placed(NurtureClient.Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.text("orderId");
    }

    private static List<String> statuses(NurtureClient shop, String orderId) {
        List<String> statuses = new ArrayList<>();
        shop.get("/api/orders/" + orderId).body().path("timeline").forEach(entry -> statuses.add(entry.path("status").asText()));
        return statuses;
    }

    private static List<Record<?>> incidents() {
        return StreamSupport.stream(RecordStream.of(engine.getRecordStreamSource()).incidentRecords().spliterator(), false)
                .filter(r -> r.getIntent() == IncidentIntent.CREATED)
                .<Record<?>>map(r -> r)
                .toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
