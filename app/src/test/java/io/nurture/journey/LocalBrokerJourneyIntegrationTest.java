package io.nurture.journey;

import static io.nurture.journey.JourneyTest.available;
import static io.nurture.journey.JourneyTest.card;
import static io.nurture.journey.JourneyTest.invoice;
import static io.nurture.journey.JourneyTest.newCustomerEmail;
import static io.nurture.journey.JourneyTest.order;
import static io.nurture.journey.JourneyTest.place;
import static io.nurture.journey.JourneyTest.surveyOf;
import static io.nurture.journey.JourneyTest.templatesSentTo;
import static io.nurture.journey.JourneyTest.timelineStatuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nurture.reliability.InjectedFault;
import io.nurture.runtime.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.util.FileSystemUtils;

/**
 * The path a user runs: Nurture in local mode, in its own JVM, running a real Zeebe broker from
 * Camunda's distribution as its child process with the state in a data directory. The main
 * journeys run on it (card to delivery and survey, invoice, backorder, cancellation); Nurture is
 * stopped (SIGTERM) with an invoice unpaid, a backorder and a
 * post-purchase journey waiting on its timers, and started again on the same data directory, where
 * each one finishes; then the broker is killed and Nurture brings it back. Incidents are read from
 * the broker's own record export (its debug exporter writes every record to the broker log).
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(AppProcess.CHILD_PROCESSES)
@InjectedFault(id = 13, fault = "Nurture stopped and started on its data directory; its broker killed (local mode)",
        injected = "Nurture in its own JVM running Camunda's 8.6 broker as a child; SIGTERM with an unpaid invoice, a backorder and journeys on timers; then kill -9 of the broker",
        holds = "the broker stops with Nurture; after the start every order and journey finishes, PAID and SHIPPED once; a killed broker is restarted and an order placed meanwhile ships once; no incident exported")
class LocalBrokerJourneyIntegrationTest {

    private static final Duration PATIENCE = Duration.ofMinutes(1);
    private static final String BACKORDERED_SKU = "GRN-BURR";

    @Test
    void ordersAndJourneysInFlightFinishAfterNurtureRestartsOnItsDataDirectory() throws Exception {
        Path data = Files.createDirectories(Path.of("target", "local-mode", UUID.randomUUID().toString()).toAbsolutePath());
        try {
            runJourneysAcrossARestart(data);
        } finally {
            keepOnlyLogs(data);
        }
    }

    private static void runJourneysAcrossARestart(Path data) throws Exception {
        Map<String, Object> settings = settings(data);
        String delivered;
        String customer;
        String unpaidInvoice;
        String backorder;

        try (AppProcess first = AppProcess.start(settings, data.resolve("app-first.log"))) {
            NurtureClient shop = first.client();
            delivered = place(shop, order(newCustomerEmail(), "TEA-SENCHA-100", 1, card("tok_visa")));
            String tracking = awaitStatus(shop, delivered, "SHIPPED").text("trackingNumber");
            shop.post("/api/shipments/" + tracking + "/events", Map.of("type", "DELIVERED"));
            customer = awaitStatus(shop, delivered, "DELIVERED").text("customerId");

            unpaidInvoice = place(shop, order(newCustomerEmail(), "FLT-PAPER-100", 2, invoice()));
            awaitStatus(shop, unpaidInvoice, "AWAITING_PAYMENT");

            assertThat(shop.put("/api/inventory/" + BACKORDERED_SKU, Map.of("available", 0)).status()).isEqualTo(200);
            backorder = place(shop, order(newCustomerEmail(), BACKORDERED_SKU, 2, card("tok_visa")));
            awaitStatus(shop, backorder, "BACKORDERED");

            cancelWhileAwaitingPayment(shop);

            assertThat(first.terminate()).as("Nurture ends by itself after SIGTERM").isTrue();
            assertThat(brokerAlive(data)).as("the broker stops with Nurture").isFalse();
        }

        try (AppProcess second = AppProcess.start(settings, data.resolve("app-second.log"))) {
            NurtureClient shop = second.client();
            String total = shop.get("/api/orders/" + unpaidInvoice).text("total");
            assertThat(shop.post("/api/orders/" + unpaidInvoice + "/payments", Map.of("amount", total, "reference", "BANK-LOCAL"))
                    .status()).isLessThan(300);
            awaitStatus(shop, unpaidInvoice, "SHIPPED");

            assertThat(shop.put("/api/inventory/" + BACKORDERED_SKU, Map.of("available", 5)).status()).isEqualTo(200);
            awaitStatus(shop, backorder, "SHIPPED");

            assertThat(shop.post("/api/dev/clock", Map.of("advance", "P7DT1H")).status()).isEqualTo(200);
            String token = await().atMost(PATIENCE).until(() -> surveyOf(shop, customer, delivered), t -> !t.isEmpty());
            assertThat(templatesSentTo(shop, customer)).containsSubsequence("follow-up", "survey");
            assertThat(shop.post("/api/surveys/" + token + "/responses", Map.of("score", 10)).status()).isLessThan(300);
            await().atMost(PATIENCE).until(() -> shop.get("/api/customers/" + customer).text("stage").equals("ADVOCATE"));

            assertThat(List.of(delivered, unpaidInvoice, backorder)).allSatisfy(orderId ->
                    assertThat(timelineStatuses(shop, orderId)).containsOnlyOnce("PAID").containsOnlyOnce("SHIPPED"));
            assertThat(templatesSentTo(shop, customer)).containsOnlyOnce("order-confirmed", "order-shipped", "survey");

            brokerDiesAndComesBack(shop, data);
        }

        assertThat(BrokerExport.processInstanceRecords(List.of(data))).as("the broker exported its records").isPositive();
        assertThat(BrokerExport.incidentsCreated(List.of(data))).as("incidents").isZero();
    }

    /** The state takes ≈ 600 MB (database server binaries, preallocated broker log); the logs stay for reading. */
    private static void keepOnlyLogs(Path data) throws IOException {
        for (String state : List.of("zeebe", "mariadb", "mariadb-server")) {
            FileSystemUtils.deleteRecursively(data.resolve(state));
        }
    }

    private static void cancelWhileAwaitingPayment(NurtureClient shop) {
        int stockBefore = available(shop, "INF-STEEL");
        String orderId = place(shop, order(newCustomerEmail(), "INF-STEEL", 3, invoice()));
        awaitStatus(shop, orderId, "AWAITING_PAYMENT");
        assertThat(shop.post("/api/orders/" + orderId + "/cancellation", "").status()).isEqualTo(202);
        awaitStatus(shop, orderId, "CANCELLED");
        assertThat(available(shop, "INF-STEEL")).isEqualTo(stockBefore);
    }


    /** An order placed while the broker is down is accepted; it starts once the broker is back, once. */
    private static void brokerDiesAndComesBack(NurtureClient shop, Path data) throws IOException {
        ProcessHandle broker = ProcessHandle.of(brokerPid(data)).orElseThrow();
        broker.destroyForcibly();
        broker.onExit().join();
        Map<String, Object> order = order(newCustomerEmail(), "TEA-SENCHA-100", 1, card("tok_visa"));
        Map<String, String> key = Map.of("Idempotency-Key", "during-crash-" + UUID.randomUUID());
        NurtureClient.Answer placed = shop.post("/api/orders", order, key);
        assertThat(placed.status()).isEqualTo(201);

        await().atMost(PATIENCE).until(() -> broker(shop).path("details").path("restarts").asInt() == 1
                && broker(shop).path("status").asText().equals("UP"));
        awaitStatus(shop, placed.text("orderId"), "SHIPPED");
        assertThat(shop.post("/api/orders", order, key).text("orderId")).isEqualTo(placed.text("orderId"));
        assertThat(timelineStatuses(shop, placed.text("orderId"))).containsOnlyOnce("PAID").containsOnlyOnce("SHIPPED");
    }

    private static JsonNode broker(NurtureClient shop) {
        return shop.get("/actuator/health").body().path("components").path("broker");
    }

    private static Map<String, Object> settings(Path data) throws IOException {
        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.profiles.active", "test");
        settings.put("nurture.engine.mode", "local");
        settings.put("nurture.engine.gateway-port", 0);
        settings.put("nurture.data-dir", data.toString());
        settings.put("nurture.dev.clock-control", true);
        settings.put("server.port", FreePorts.any());
        BrokerExport.SETTINGS.forEach((name, value) -> settings.put("nurture.engine.local.environment[" + name + "]", value));
        return settings;
    }


    private static NurtureClient.Answer awaitStatus(NurtureClient shop, String orderId, String status) {
        return await().atMost(PATIENCE).until(() -> shop.get("/api/orders/" + orderId),
                answer -> status.equals(answer.text("status")));
    }



    private static long brokerPid(Path data) throws IOException {
        return Long.parseLong(Files.readString(data.resolve("broker.pid")).trim());
    }

    private static boolean brokerAlive(Path data) throws IOException {
        return Files.exists(data.resolve("broker.pid")) && ProcessHandle.of(brokerPid(data)).map(ProcessHandle::isAlive).orElse(false);
    }


}
