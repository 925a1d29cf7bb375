package io.nurture.runtime;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.invoice;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.BrokerInfo;
import io.camunda.client.api.response.PartitionBrokerHealth;
import io.camunda.client.api.response.PartitionBrokerRole;
import io.nurture.broker.LocalBroker;
import io.nurture.local.EmbeddedMariaDb;
import io.nurture.local.FreePorts;
import io.nurture.processes.OrderFulfillment;
import io.nurture.reliability.InjectedFault;
import io.nurture.reliability.ReliabilityReport;
import io.nurture.testing.AppProcess;
import io.nurture.testing.BrokerExport;
import io.nurture.testing.Mailbox;
import io.nurture.testing.OwnDatabase;
import io.nurture.testing.TestBrokers;
import io.nurture.testkit.NurtureClient;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.util.FileSystemUtils;

/**
 * Cluster mode on a real cluster: three Zeebe brokers (Camunda's distribution, replication factor
 * 3), two Nurture instances sharing one MySQL-protocol database and one SMTP server, each a process
 * of its own. Before they start, a third instance commits orders while the engine is out of its
 * reach and is killed before it could send their starts: the two deliver them, each once. Then a
 * burst of card and invoice orders goes through both instances; mid-burst the partition leader and
 * one instance are killed (kill -9). The shop retries what failed with the same idempotency key, as
 * its client would. Every order reaches its state, every charge, reservation, shipment and mail
 * happens once, no incident is exported, and the killed broker rejoins. (One class, so that both
 * stories share the brokers' and the instances' starts; a stop mid-burst is the local-mode
 * lifecycle test's: the app's shutdown is the same in both modes.)
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(AppProcess.CHILD_PROCESSES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIntegrationTest {

    private static final int BROKERS = 3;
    private static final int ORDERS_PER_INSTANCE = 12;
    private static final String SKU = "CUP-CERAMIC-2";
    private static final int COMMITTED_BEFORE_THE_KILL = 5;
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private static Path home;
    private static final List<LocalBroker> brokers = new ArrayList<>();
    private static final List<Integer> gateways = new ArrayList<>();
    private static EmbeddedMariaDb database;
    private static GreenMail smtp;
    private static CamundaClient operator;
    private static List<String> committedBeforeTheKill;
    private static long pendingAtTheKill;
    private static final Map<AppProcess, Integer> nodeOf = new HashMap<>();
    private static AppProcess instanceA;
    private static AppProcess instanceB;
    private static long instancesReady;

    @BeforeAll
    static void startCluster() throws Exception {
        home = Files.createDirectories(
                Path.of("target", "cluster", UUID.randomUUID().toString()).toAbsolutePath());
        List<Integer> internalPorts =
                IntStream.range(0, BROKERS).mapToObj(i -> FreePorts.any()).toList();
        String contactPoints = String.join(
                ",", internalPorts.stream().map(port -> "127.0.0.1:" + port).toList());
        IntStream.range(0, BROKERS).forEach(node -> gateways.add(FreePorts.any()));
        // A broker is ready once its partitions have a quorum: all three start together, once the test brokers'
        // cache is trained, while the instance that needs no engine runs.
        CompletableFuture<Void> booting = CompletableFuture.runAsync(() -> bootBrokers(internalPorts, contactPoints));
        try {
            database = OwnDatabase.in(home);
            database.start();
            smtp = new GreenMail(new ServerSetup(FreePorts.any(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            committedBeforeTheKill = ordersOfAnInstanceKilledBeforeItReachedTheEngine();
        } finally {
            // Whatever happened, every broker is in the list before the class stops them.
            booting.join();
        }
        brokers.forEach(LocalBroker::awaitStarted);
        operator = CamundaClient.newClientBuilder()
                .grpcAddress(URI.create("http://127.0.0.1:" + gateways.get(0)))
                .preferRestOverGrpc(false)
                .build();
        int leader = leaderNode();
        instanceA = startApp(followerOf(leader, 0), "a");
        instanceB = startApp(followerOf(leader, 1), "b");
        instancesReady = System.nanoTime();
    }

    private static void bootBrokers(List<Integer> internalPorts, String contactPoints) {
        try {
            for (int node = 0; node < BROKERS; node++) {
                brokers.add(TestBrokers.broker(
                        home.resolve("broker-" + node),
                        gateways.get(node),
                        brokerSettings(node, internalPorts.get(node), contactPoints)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        brokers.forEach(LocalBroker::begin);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        List<AutoCloseable> parts = new ArrayList<>();
        Stream.of(instanceB, instanceA, operator).filter(Objects::nonNull).forEach(parts::add);
        if (smtp != null) {
            parts.add(smtp::stop);
        }
        if (database != null) {
            parts.add(database::stop);
        }
        brokers.forEach(broker -> parts.add(broker::stop));
        Exception first = null;
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        keepOnlyLogs();
        if (first != null) {
            throw first;
        }
    }

    /** The database's files and binaries and the brokers' state take ≈ 800 MB; the logs stay for reading. */
    private static void keepOnlyLogs() throws IOException {
        if (home == null) {
            return;
        }
        FileSystemUtils.deleteRecursively(home.resolve("mariadb-server"));
        FileSystemUtils.deleteRecursively(home.resolve("mariadb"));
        for (Path broker : brokerData()) {
            FileSystemUtils.deleteRecursively(broker.resolve("zeebe"));
        }
    }

    /**
     * The engine outbox across a crash: an instance commits orders while the engine is out of reach
     * and is killed (SIGKILL) before it could send their starts. The start of the first order is in
     * the outbox twice, as when the engine took one just before the crash and the row could not be
     * deleted any more. The instances started after it deliver every start; each order runs once.
     */
    @Test
    @Order(1)
    @InjectedFault(
            id = 16,
            fault = "the app is killed between commit and engine command",
            injected =
                    "5 orders committed by an instance with the engine out of reach, one start duplicated in the outbox; SIGKILL; two new instances on the same database",
            holds =
                    "every order ships with exactly one process instance; the duplicate is refused by the engine; the outbox empties; no incident")
    void orderStartsCommittedByAnInstanceKilledBeforeItReachedTheEngineReachItOnceThroughTheOthers(TestReporter report)
            throws Exception {
        NurtureClient shop = instanceA.client();
        assertThat(pendingAtTheKill)
                .as("starts waiting in the outbox when the instance was killed")
                .isEqualTo(COMMITTED_BEFORE_THE_KILL);

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(committedBeforeTheKill)
                        .extracting(id -> shop.get("/api/orders/" + id).text("status"))
                        .containsOnly("SHIPPED"));
        report.publishEntry(
                ReliabilityReport.MEASURED,
                "all %d shipped %d s after the new instances answered"
                        .formatted(
                                committedBeforeTheKill.size(),
                                Duration.ofNanos(System.nanoTime() - instancesReady)
                                        .toSeconds()));

        await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM engine_messages") == 0);
        assertThat(committedBeforeTheKill)
                .allSatisfy(id -> assertThat(
                                BrokerExport.instancesWith(brokerData(), OrderFulfillment.PROCESS_ID, "orderId", id))
                        .as(id)
                        .isEqualTo(1));
        // Read before any broker is killed: a new leader exports again what its predecessor had not confirmed.
        assertThat(BrokerExport.messagesRefusedAsDuplicate(
                        brokerData(), "order-placed-" + committedBeforeTheKill.get(0)))
                .as("the repeated start, refused")
                .isEqualTo(1);
        assertThat(BrokerExport.incidentsCreated(brokerData())).as("incidents").isZero();
    }

    private static List<String> ordersOfAnInstanceKilledBeforeItReachedTheEngine() throws Exception {
        Map<String, Object> engineOutOfReach = appSettings(FreePorts.any());
        engineOutOfReach.put("camunda.client.deployment.enabled", false);
        List<String> orders = new ArrayList<>();
        try (AppProcess doomed =
                AppProcess.startWithoutEngine(engineOutOfReach, home.resolve("app-killed-before-the-engine.log"))) {
            NurtureClient shop = doomed.client();
            for (int i = 0; i < COMMITTED_BEFORE_THE_KILL; i++) {
                NurtureClient.Answer placed = shop.post(
                        "/api/orders", doomed.shop().order(newCustomerEmail(), "TEA-SENCHA-100", 1, card("tok_visa")));
                assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
                orders.add(placed.text("orderId"));
            }
            pendingAtTheKill = count("SELECT COUNT(*) FROM engine_messages WHERE delivery = 'PENDING'");
            execute(
                    "INSERT INTO engine_messages (message_name, correlation_key, message_id, time_to_live_ms, variables,"
                            + " created_at, delivery, next_attempt_at) SELECT message_name, correlation_key, message_id, time_to_live_ms,"
                            + " variables, created_at, delivery, next_attempt_at FROM engine_messages WHERE correlation_key = '"
                            + orders.get(0) + "'");
            doomed.kill();
        }
        return orders;
    }

    @Test
    @Order(2)
    @InjectedFault(
            id = 14,
            fault = "the partition leader and one of two Nurture instances killed mid-burst",
            injected =
                    "3 brokers (replication factor 3), 2 Nurture processes on one database and SMTP server; kill -9 of the leader and one instance once half the 24 orders are answered; the shop retries with the same keys",
            holds =
                    "every order ships; one charge or invoice, reservation, shipment and shipping mail per order; no incident; the broker rejoins healthy")
    void ordersThroughTwoInstancesSurviveTheLossOfTheLeaderAndOfAnInstanceAndHappenOnce(TestReporter report)
            throws Exception {
        int leader = leaderNode();
        // Leadership may have moved since the instances started: the one on the leader's broker goes with it.
        AppProcess victim = nodeOf.get(instanceA) == leader ? instanceA : instanceB;
        AppProcess survivor = victim == instanceA ? instanceB : instanceA;
        Map<String, String> orderByKey = new ConcurrentHashMap<>();
        Map<String, Map<String, Object>> bodyByKey = new ConcurrentHashMap<>();
        List<String> invoiceKeys = new ArrayList<>();
        NurtureClient shop = survivor.client();
        int stockBefore = survivor.shop().available(SKU);
        CompletableFuture<Void> burst = CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> placeBurst(survivor, "a", orderByKey, bodyByKey, invoiceKeys)),
                CompletableFuture.runAsync(() -> placeBurst(victim, "b", orderByKey, bodyByKey, invoiceKeys)));

        await().atMost(PATIENCE).until(() -> orderByKey.size() >= ORDERS_PER_INSTANCE / 2);
        int placedBeforeKill = orderByKey.size();
        long killed = System.nanoTime();
        ProcessHandle.of(brokers.get(leader).status().pid()).orElseThrow().destroyForcibly();
        victim.kill();
        burst.join();

        // The shop's client retries every order it got no answer for, now through the survivor.
        int answered = orderByKey.size();
        bodyByKey.forEach((key, body) -> orderByKey.computeIfAbsent(key, k -> placeWithRetries(shop, k, body)));
        payInvoices(shop, invoiceKeys, orderByKey);
        Collection<String> orders = orderByKey.values();
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(orders)
                        .extracting(id -> shop.get("/api/orders/" + id).text("status"))
                        .containsOnly("SHIPPED"));

        report.publishEntry(
                ReliabilityReport.MEASURED,
                ("leader (node %d) and one of two instances killed after %d of %d"
                                + " orders; %d retried through the survivor; all shipped %d s after the kill")
                        .formatted(
                                leader,
                                placedBeforeKill,
                                2 * ORDERS_PER_INSTANCE,
                                2 * ORDERS_PER_INSTANCE - answered,
                                Duration.ofNanos(System.nanoTime() - killed).toSeconds()));

        assertThat(orders).hasSize(2 * ORDERS_PER_INSTANCE).doesNotHaveDuplicates();
        assertThat(survivor.shop().available(SKU))
                .as("stock taken once per order")
                .isEqualTo(stockBefore - orders.size());
        assertEachOnce("SELECT order_id FROM payments WHERE kind IN ('CHARGE', 'INVOICE')", orders);
        assertEachOnce("SELECT order_id FROM reservations", orders);
        assertEachOnce("SELECT order_id FROM shipments", orders);
        // Mail leaves through the outbox after its step: the killed instance's claimed mails after their lease.
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(shippedMails())
                        .as("one shipping mail per order")
                        .filteredOn(recipient ->
                                bodyByKey.values().stream().anyMatch(body -> recipient.equals(emailOf(body))))
                        .hasSize(orders.size())
                        .doesNotHaveDuplicates());
        assertThat(BrokerExport.processInstanceRecords(brokerData()))
                .as("the brokers exported their records")
                .isPositive();
        assertThat(BrokerExport.incidentsCreated(brokerData())).as("incidents").isZero();

        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(brokers.get(leader).status().restarts()).isEqualTo(1));
        await().atMost(PATIENCE).untilAsserted(this::clusterIsHealthy);
    }

    private static void placeBurst(
            AppProcess instance,
            String name,
            Map<String, String> orderByKey,
            Map<String, Map<String, Object>> bodyByKey,
            List<String> invoiceKeys) {
        for (int i = 0; i < ORDERS_PER_INSTANCE; i++) {
            String key = name + "-" + i + "-" + UUID.randomUUID();
            boolean byInvoice = i % 3 == 0;
            Map<String, Object> body =
                    instance.shop().order(newCustomerEmail(), SKU, 1, byInvoice ? invoice() : card("tok_visa"));
            bodyByKey.put(key, body);
            if (byInvoice) {
                synchronized (invoiceKeys) {
                    invoiceKeys.add(key);
                }
            }
            try {
                NurtureClient.Answer answer =
                        instance.client().post("/api/orders", body, Map.of("Idempotency-Key", key));
                if (answer.status() == 201) {
                    orderByKey.put(key, answer.text("orderId"));
                }
            } catch (UncheckedIOException instanceGone) {
                // The shop's client saw the connection drop: it retries below.
            }
        }
    }

    private static String placeWithRetries(NurtureClient shop, String key, Map<String, Object> body) {
        return await().atMost(PATIENCE)
                .until(
                        () -> shop.post("/api/orders", body, Map.of("Idempotency-Key", key)),
                        answer -> answer.status() == 201)
                .text("orderId");
    }

    private static void payInvoices(NurtureClient shop, List<String> invoiceKeys, Map<String, String> orderByKey) {
        for (String key : invoiceKeys) {
            String orderId = orderByKey.get(key);
            await().atMost(PATIENCE)
                    .until(() ->
                            shop.get("/api/orders/" + orderId).text("status").equals("AWAITING_PAYMENT"));
            String total = shop.get("/api/orders/" + orderId).text("total");
            await().atMost(PATIENCE)
                    .until(() -> shop.post(
                                            "/api/orders/" + orderId + "/payments",
                                            Map.of("amount", total, "reference", "BANK-" + key))
                                    .status()
                            < 300);
        }
    }

    private void clusterIsHealthy() {
        List<BrokerInfo> topology = operator.newTopologyRequest().send().join().getBrokers();
        assertThat(topology).hasSize(BROKERS);
        assertThat(topology)
                .allSatisfy(broker -> assertThat(broker.getPartitions())
                        .allSatisfy(partition ->
                                assertThat(partition.getHealth()).isEqualTo(PartitionBrokerHealth.HEALTHY)));
        assertThat(topology.stream()
                        .flatMap(b -> b.getPartitions().stream())
                        .filter(p -> p.getRole() == PartitionBrokerRole.LEADER))
                .hasSize(1);
    }

    private static int leaderNode() {
        return await().atMost(PATIENCE)
                .until(
                        () -> operator.newTopologyRequest().send().join().getBrokers().stream()
                                .filter(b -> b.getPartitions().stream().anyMatch(p -> p.isLeader()))
                                .map(BrokerInfo::getNodeId)
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** Both instances talk to brokers that stay up; a production gateway would be its own replicated service. */
    private static int followerOf(int leader, int which) {
        return IntStream.range(0, BROKERS)
                .filter(node -> node != leader)
                .skip(which)
                .findFirst()
                .orElseThrow();
    }

    private static AppProcess startApp(int node, String name) throws IOException {
        AppProcess app = AppProcess.start(appSettings(gateways.get(node)), home.resolve("app-" + name + ".log"));
        nodeOf.put(app, node);
        return app;
    }

    private static Map<String, Object> appSettings(int gatewayPort) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.profiles.active", "test");
        settings.put("nurture.engine.mode", "cluster");
        settings.put("camunda.client.mode", "self-managed");
        settings.put("camunda.client.grpc-address", "http://127.0.0.1:" + gatewayPort);
        settings.put("camunda.client.rest-address", "http://127.0.0.1:9");
        settings.put("camunda.client.prefer-rest-over-grpc", false);
        // Jobs the killed instance had taken come back to the survivor after this.
        settings.put("camunda.client.worker.defaults.timeout", "PT10S");
        settings.putAll(OwnDatabase.settingsFor(database));
        // Rows the killed instance had claimed from the outboxes go to the survivor after this.
        settings.put("nurture.outbox.lease", "PT5S");
        // Starts the engine refused while out of reach are tried again within seconds of its return, not minutes.
        settings.put("nurture.outbox.max-backoff", "PT2S");
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", smtp.getSmtp().getPort());
        settings.put("server.port", FreePorts.any());
        return settings;
    }

    private static List<Path> brokerData() {
        return IntStream.range(0, BROKERS)
                .mapToObj(node -> home.resolve("broker-" + node))
                .toList();
    }

    private static String emailOf(Map<String, Object> order) {
        return ((Map<?, ?>) order.get("customer")).get("email").toString();
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), EmbeddedMariaDb.USER, database.password());
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = connection();
                ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = connection()) {
            connection.createStatement().executeUpdate(sql);
        }
    }

    private static Map<String, String> brokerSettings(int node, int internalPort, String contactPoints) {
        return Map.of(
                "ZEEBE_BROKER_CLUSTER_NODEID", Integer.toString(node),
                "ZEEBE_BROKER_CLUSTER_CLUSTERSIZE", Integer.toString(BROKERS),
                "ZEEBE_BROKER_CLUSTER_REPLICATIONFACTOR", Integer.toString(BROKERS),
                "ZEEBE_BROKER_CLUSTER_PARTITIONSCOUNT", "1",
                "ZEEBE_BROKER_CLUSTER_INITIALCONTACTPOINTS", contactPoints,
                "ZEEBE_BROKER_NETWORK_INTERNALAPI_PORT", Integer.toString(internalPort));
    }

    private static void assertEachOnce(String query, Collection<String> orders) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = connection();
                ResultSet rows = connection.createStatement().executeQuery(query)) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        }
        assertThat(found).as(query).filteredOn(orders::contains).containsExactlyInAnyOrderElementsOf(orders);
    }

    /**
     * Recipients of the shipping mails, one per Message-ID: an instance killed between the mail
     * server's acceptance and marking the mail delivered leaves it to be sent again, under the same
     * Message-ID, by which a receiving server recognises the repeat.
     */
    private static List<String> shippedMails() {
        Map<String, String> byMessageId = new HashMap<>();
        Stream.of(smtp.getReceivedMessages())
                .filter(message -> Mailbox.subject(message).equals("Your order is on its way"))
                .forEach(message -> byMessageId.put(Mailbox.header(message, "Message-ID"), recipient(message)));
        return List.copyOf(byMessageId.values());
    }

    private static String recipient(Message message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
