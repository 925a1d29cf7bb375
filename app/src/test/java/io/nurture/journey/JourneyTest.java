package io.nurture.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.nurture.processes.OrderFulfillment;
import io.nurture.security.SliceClient;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testkit.NurtureClient;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * End-to-end: real HTTP into the app, the embedded Zeebe engine running the BPMN, the workers,
 * MariaDB over Connector/J, and mail over SMTP. All journey tests share one running app.
 */
@NurtureIntegrationTest
abstract class JourneyTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    GreenMail smtp;

    @Autowired
    ZeebeTestEngine engine;

    @Autowired
    WorkerFaults faults;

    @Autowired
    EngineBackPressure backPressure;

    @Autowired
    JdbcClient db;

    @Autowired
    Clock clock;

    /** The app's clock, which the journeys move by days and hours; real time for apps started as child processes. */
    private static volatile Clock appClock = Clock.systemUTC();

    NurtureClient api;

    @BeforeEach
    void connect() {
        appClock = clock;
        api = new NurtureClient(port, SliceClient.HARNESS_KEY);
        faults.reset();
        backPressure.reset();
    }

    static String newCustomerEmail() {
        return "customer-" + UUID.randomUUID() + "@example.com";
    }

    static Map<String, Object> order(String email, String sku, int quantity, Map<String, Object> payment) {
        return order(email, List.of(Map.of("sku", sku, "quantity", quantity)), payment, "DE", "10115");
    }

    static Map<String, Object> order(
            String email,
            List<Map<String, Object>> lines,
            Map<String, Object> payment,
            String billingCountry,
            String postalCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("customer", Map.of("email", email, "name", "Ada Lovelace", "timeZone", middayZone()));
        body.put("lines", lines);
        body.put("payment", payment);
        body.put(
                "shippingAddress",
                Map.of("line1", "1 Main St", "city", "Berlin", "postalCode", postalCode, "country", "DE"));
        body.put("billingCountry", billingCountry);
        return body;
    }

    /**
     * A zone where it is about midday now: marketing waits out the night in the customer's zone
     * (contact-policy.dmn), so journeys that expect a marketing mail must not depend on when the
     * suite runs or how far earlier tests moved the clock. A test moves it by a few hours at most,
     * which keeps the customer's day well before 21:00.
     */
    static String middayZone() {
        int hoursAhead = 12 - appClock.instant().atZone(ZoneOffset.UTC).getHour();
        return hoursAhead == 0 ? "Etc/UTC" : "Etc/GMT" + (hoursAhead > 0 ? "-" + hoursAhead : "+" + -hoursAhead);
    }

    static Map<String, Object> card(String token) {
        return Map.of("method", "CARD", "token", token);
    }

    static Map<String, Object> invoice() {
        return Map.of("method", "INVOICE");
    }

    String place(Map<String, Object> order) {
        return place(api, order);
    }

    /**
     * A burst of card orders on the slow test card (a second per charge), placed from 4 clients on
     * threads of their own: a parallel stream would share JUnit's pool with the classes running beside.
     */
    static List<String> slowCardOrders(NurtureClient client, int count) {
        try (ExecutorService shopClients = Executors.newFixedThreadPool(4)) {
            return new ArrayList<>(IntStream.range(0, count)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> place(client, order(newCustomerEmail(), "CUP-CERAMIC-2", 1, card("tok_slow"))),
                            shopClients))
                    .toList()
                    .stream()
                    .map(CompletableFuture::join)
                    .toList());
        }
    }

    static String place(NurtureClient client, Map<String, Object> order) {
        NurtureClient.Answer answer = client.post("/api/orders", order);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.text("orderId");
    }

    NurtureClient.Answer awaitStatus(String orderId, String status) {
        try {
            return await().atMost(PATIENCE)
                    .until(() -> api.get("/api/orders/" + orderId), answer -> status.equals(answer.text("status")));
        } catch (ConditionTimeoutException stuck) {
            throw new AssertionError(
                    "Order " + orderId + " did not reach " + status + "; " + whereItIs(orderId), stuck);
        }
    }

    /** Where the engine has the order, and what the outbox still holds for it: a stuck test says why. */
    private String whereItIs(String orderId) {
        RecordStream records = snapshot();
        Set<Long> instances = instancesWith(records, orderId, "orderId");
        List<String> jobs = StreamSupport.stream(records.jobRecords().spliterator(), false)
                .filter(r -> instances.contains(r.getValue().getProcessInstanceKey()))
                .map(r -> r.getValue().getType() + ":" + r.getIntent()
                        + (r.getRecordType() == RecordType.EVENT ? "" : "/" + r.getRecordType()))
                .toList();
        List<String> messages = StreamSupport.stream(records.messageRecords().spliterator(), false)
                .filter(r -> orderId.equals(r.getValue().getCorrelationKey()))
                .map(r -> r.getValue().getName() + ":" + r.getIntent() + "/" + r.getRecordType())
                .toList();
        List<String> subscriptions = StreamSupport.stream(
                        records.messageSubscriptionRecords().spliterator(), false)
                .filter(r -> orderId.equals(r.getValue().getCorrelationKey()))
                .map(r -> r.getValue().getMessageName() + ":" + r.getIntent())
                .toList();
        List<String> outbox = db.sql(
                        "SELECT CONCAT(message_name, ' ', delivery, ' attempts=', attempts, ' due=', next_attempt_at)"
                                + " FROM engine_messages WHERE correlation_key = ?")
                .param(orderId)
                .query(String.class)
                .list();
        return "instances " + instances + ", jobs " + jobs + ", messages " + messages + ", subscriptions "
                + subscriptions + ", engine outbox " + outbox;
    }

    /** Ships and delivers a card order, answering its customer id. */
    String deliver(String orderId) {
        String trackingNumber = awaitStatus(orderId, "SHIPPED").text("trackingNumber");
        api.post("/api/shipments/" + trackingNumber + "/events", Map.of("type", "DELIVERED"));
        return awaitStatus(orderId, "DELIVERED").text("customerId");
    }

    NurtureClient.Answer awaitStage(String customerId, String stage) {
        return await().atMost(PATIENCE)
                .until(() -> api.get("/api/customers/" + customerId), answer -> stage.equals(answer.text("stage")));
    }

    /**
     * Moves time once, past both the follow-up (3 days after delivery) and the survey (7 days after
     * delivery); answers the survey token. Both are due dates counted from the delivery, so one move
     * runs both, whenever the journey reaches its timers.
     */
    String surveyAfterDelivery(String customerId, String orderId) {
        advanceClock("P7DT1H");
        return awaitSurveyToken(customerId, orderId);
    }

    /** Waits for the survey of the customer's latest delivered order and answers its token. */
    String awaitSurveyToken(String customerId, String orderId) {
        return await().atMost(PATIENCE).until(() -> surveyOf(customerId, orderId), token -> !token.isEmpty());
    }

    private String surveyOf(String customerId, String orderId) {
        return surveyOf(api, customerId, orderId);
    }

    /** The token of the order's survey, empty while there is none. */
    static String surveyOf(NurtureClient client, String customerId, String orderId) {
        for (var survey :
                client.get("/api/customers/" + customerId + "/surveys").body()) {
            if (survey.path("orderId").asText().equals(orderId)) {
                return survey.path("token").asText();
            }
        }
        return "";
    }

    /** Fixes the customer's place in a journey's holdout split: a step whose share is above it holds them out. */
    void placeInJourney(String customerId, String journey, double place) {
        db.sql("INSERT INTO journey_holdouts (customer_id, journey, bucket, assigned_at) VALUES (?, ?, ?, NOW(6))")
                .params(customerId, journey, place)
                .update();
    }

    List<String> stepsOf(String customerId) {
        List<String> steps = new ArrayList<>();
        api.get("/api/customers/" + customerId + "/journey")
                .body()
                .path("steps")
                .forEach(step -> steps.add(
                        step.path("step").asText() + ":" + step.path("outcome").asText()
                                + (step.path("reason").isNull()
                                        ? ""
                                        : ":" + step.path("reason").asText())));
        return steps;
    }

    static Map<String, Object> withConsent(Map<String, Object> order, boolean consent) {
        Map<String, Object> copy = new HashMap<>(order);
        @SuppressWarnings("unchecked")
        Map<String, Object> customer = new HashMap<>((Map<String, Object>) order.get("customer"));
        customer.put("marketingConsent", consent);
        copy.put("customer", customer);
        return copy;
    }

    static Map<String, Object> with(Map<String, Object> order, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(order);
        copy.put(field, value);
        return copy;
    }

    List<String> timelineStatuses(String orderId) {
        return timelineStatuses(api, orderId);
    }

    static List<String> timelineStatuses(NurtureClient client, String orderId) {
        List<String> statuses = new ArrayList<>();
        client.get("/api/orders/" + orderId)
                .body()
                .path("timeline")
                .forEach(entry -> statuses.add(entry.path("status").asText()));
        return statuses;
    }

    /** The kinds of money movement stored for the order (CHARGE, INVOICE, REFUND), sorted. */
    List<String> paymentKinds(String orderId) {
        return db.sql("SELECT kind FROM payments WHERE order_id = ? ORDER BY kind")
                .param(orderId)
                .query(String.class)
                .list();
    }

    List<String> shipmentTrackingNumbers(String orderId) {
        return db.sql("SELECT tracking_number FROM shipments WHERE order_id = ?")
                .param(orderId)
                .query(String.class)
                .list();
    }

    List<String> templatesSentTo(String customerId) {
        return templatesSentTo(api, customerId);
    }

    static List<String> templatesSentTo(NurtureClient client, String customerId) {
        List<String> templates = new ArrayList<>();
        client.get("/api/customers/" + customerId + "/messages")
                .body()
                .forEach(m -> templates.add(m.path("template").asText()));
        return templates;
    }

    /** Subjects of the mails the SMTP server received for this address, once the mail outbox is drained. */
    List<String> mailSubjectsFor(String address) {
        awaitMailDelivered();
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> isFor(message, address))
                .map(JourneyTest::subject)
                .toList();
    }

    /** Bodies of the mails the SMTP server received for this address, once the mail outbox is drained. */
    List<String> mailBodiesFor(String address) {
        awaitMailDelivered();
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> isFor(message, address))
                .map(message -> {
                    try {
                        return message.getContent().toString();
                    } catch (MessagingException | IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** Mail goes out after its step committed (outbox): waits until none is waiting (through a database restart). */
    void awaitMailDelivered() {
        await().atMost(PATIENCE)
                .ignoreExceptions()
                .until(() -> db.sql("SELECT COUNT(*) FROM notifications WHERE delivery = 'PENDING'")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    int available(String sku) {
        return available(api, sku);
    }

    static int available(NurtureClient client, String sku) {
        return client.get("/api/inventory/" + sku).body().path("available").asInt();
    }

    int reserved(String sku) {
        return api.get("/api/inventory/" + sku).body().path("reserved").asInt();
    }

    void restock(String sku, int available) {
        setStock(api, sku, available);
    }

    /** A stock take: the level set for the version just read (If-Match). */
    static void setStock(NurtureClient client, String sku, int available) {
        String version =
                client.get("/api/inventory/" + sku).body().path("version").asText();
        assertThat(client.put(
                                "/api/inventory/" + sku,
                                Map.of("available", available),
                                Map.of("If-Match", "\"" + version + "\""))
                        .status())
                .isEqualTo(200);
    }

    /**
     * Waits until a process instance of this order or customer (by its orderId or customerId
     * variable) is waiting at the element. A timer only starts when its element is reached, so a
     * test moves the clock only once the engine got there.
     */
    void awaitWaitingAt(String orderOrCustomerId, String elementId) {
        await().atMost(PATIENCE).until(() -> isWaitingAt(orderOrCustomerId, elementId));
    }

    private boolean isWaitingAt(String orderOrCustomerId, String elementId) {
        return openElements(orderOrCustomerId, elementId) > 0;
    }

    private long openElements(String orderOrCustomerId, String elementId) {
        RecordStream records = snapshot();
        Set<Long> instances = instancesWith(records, orderOrCustomerId, "orderId", "customerId");
        Map<Long, Integer> open = new HashMap<>();
        StreamSupport.stream(records.processInstanceRecords().spliterator(), false)
                .filter(r -> instances.contains(r.getValue().getProcessInstanceKey()))
                .filter(r -> r.getValue().getElementId().equals(elementId))
                .forEach(r -> {
                    if (r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
                        open.merge(r.getKey(), 1, Integer::sum);
                    } else if (r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                            || r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED) {
                        open.merge(r.getKey(), -1, Integer::sum);
                    }
                });
        return open.values().stream().filter(count -> count > 0).count();
    }

    /** The first incident the engine raised in the order's process instance. */
    Record<IncidentRecordValue> awaitIncident(String orderId) {
        return await().atMost(PATIENCE)
                .until(() -> incidentFor(orderId), Optional::isPresent)
                .orElseThrow();
    }

    private Optional<Record<IncidentRecordValue>> incidentFor(String orderId) {
        RecordStream records = snapshot();
        Set<Long> instances = instancesWith(records, orderId, "orderId");
        return StreamSupport.stream(records.incidentRecords().spliterator(), false)
                .filter(r -> r.getIntent() == IncidentIntent.CREATED)
                .filter(r -> instances.contains(r.getValue().getProcessInstanceKey()))
                .findFirst();
    }

    /**
     * The engine's records so far, copied once: reading the live stream again while iterating it
     * appends to the list being iterated.
     */
    RecordStream snapshot() {
        List<Record<?>> copy = new ArrayList<>();
        engine.getRecordStreamSource().getRecords().forEach(copy::add);
        return RecordStream.of(() -> copy);
    }

    /** The process instances holding the id in one of the named variables. */
    static Set<Long> instancesWith(RecordStream records, String id, String... variableNames) {
        String json = "\"" + id + "\"";
        Set<String> names = Set.of(variableNames);
        return StreamSupport.stream(records.variableRecords().spliterator(), false)
                .filter(r -> names.contains(r.getValue().getName())
                        && r.getValue().getValue().equals(json))
                .map(r -> r.getValue().getProcessInstanceKey())
                .collect(Collectors.toSet());
    }

    /** How many order-fulfillment instances the engine started for the order. */
    long fulfillmentInstancesOf(String orderId) {
        return fulfillmentInstancesOf(snapshot(), orderId);
    }

    static long fulfillmentInstancesOf(RecordStream records, String orderId) {
        Set<Long> instances = instancesWith(records, orderId, "orderId");
        return StreamSupport.stream(records.processInstanceRecords().spliterator(), false)
                .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
                .filter(r -> r.getValue().getBpmnElementType() == BpmnElementType.PROCESS)
                .filter(r -> r.getValue().getBpmnProcessId().equals(OrderFulfillment.PROCESS_ID))
                .filter(r -> instances.contains(r.getValue().getProcessInstanceKey()))
                .count();
    }

    /** A customer written straight into the database, for reports over a scripted population. */
    String storedCustomer(String name, String registeredOn) {
        String id = UUID.randomUUID().toString();
        db.sql("INSERT INTO customers (id, email, name, created_at) VALUES (?, ?, ?, ?)")
                .params(id, name + "-" + id + "@example.com", name, registeredOn)
                .update();
        return id;
    }

    /** An engagement step written straight into the database, at noon of the day. */
    void storedStep(String customerId, String step, String outcome, String reason, String day) {
        db.sql(
                        "INSERT INTO engagement_steps (customer_id, step, outcome, reason, at, step_key) VALUES (?, ?, ?, ?, ?, ?)")
                .params(customerId, step, outcome, reason, day + " 12:00:00", "scripted-" + UUID.randomUUID())
                .update();
    }

    /** Moves engine and app time together, through the clock-control API. */
    void advanceClock(String isoDuration) {
        assertThat(api.post("/api/dev/clock", Map.of("advance", isoDuration)).status())
                .isEqualTo(200);
    }

    static boolean isFor(Message message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .anyMatch(r -> r.toString().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first value of a header, or null when the message has none. */
    static String header(Message message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(Message message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
