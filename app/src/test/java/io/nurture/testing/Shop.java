package io.nurture.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.testkit.NurtureClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A shop driving Nurture through its REST API, as another system does: places orders, reports
 * deliveries, waits for what a shop would see. Works against the app in the test's JVM (injected)
 * and against apps started as child processes (constructed with their client and the real clock).
 */
public final class Shop {

    /** How long a shop waits for what it expects from the app in the test's JVM. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    /** The sandbox carrier refuses this postal code (its {@code OUTAGE_POSTAL_CODE}): a paid order waits before its hand-over. */
    public static final String CARRIER_OUTAGE = "99999";

    private final NurtureClient api;
    private final Clock clock;
    private final Duration patience;
    private final Function<String, String> whereIs;

    /**
     * A shop on an app whose engine records are out of reach (a child process on a real broker,
     * which polls for its jobs): a stuck order says only its status.
     */
    public Shop(NurtureClient api, Clock clock, Duration patience) {
        this(api, clock, patience, orderId -> "");
    }

    /** {@code whereIs} says where the engine and the outbox have an order, for a test that got stuck. */
    Shop(NurtureClient api, Clock clock, Duration patience, Function<String, String> whereIs) {
        this.api = api;
        this.clock = clock;
        this.patience = patience;
        this.whereIs = whereIs;
    }

    public NurtureClient api() {
        return api;
    }

    public Map<String, Object> order(String email, String sku, int quantity, Map<String, Object> payment) {
        return order(email, List.of(Map.of("sku", sku, "quantity", quantity)), payment, "DE", "10115");
    }

    public Map<String, Object> order(
            String email,
            List<Map<String, Object>> lines,
            Map<String, Object> payment,
            String billingCountry,
            String postalCode) {
        Map<String, Object> body = new HashMap<>();
        body.put(
                "customer",
                Map.of("email", email, "name", "Ada Lovelace", "timeZone", OrderRequests.middayZone(clock)));
        body.put("lines", lines);
        body.put("payment", payment);
        body.put(
                "shippingAddress",
                Map.of("line1", "1 Main St", "city", "Berlin", "postalCode", postalCode, "country", "DE"));
        body.put("billingCountry", billingCountry);
        return body;
    }

    /**
     * Places the order as a checkout does: under an Idempotency-Key of its own, sent again after a
     * second while the app answers 503 (no database connection free in time: the tests' pool gives
     * up after 2 s, which a burst on a busy machine can reach).
     */
    public String place(Map<String, Object> order) {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        NurtureClient.Answer answer = api.post("/api/orders", order, key);
        for (int retries = 0; answer.status() == 503 && retries < 5; retries++) {
            pause(Duration.ofSeconds(1));
            answer = api.post("/api/orders", order, key);
        }
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.text("orderId");
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to place an order again", e);
        }
    }

    /**
     * A burst of card orders on the slow test card (a second per charge), placed from 4 clients on
     * threads of their own: a parallel stream would share JUnit's pool with the classes running beside.
     */
    public List<String> slowCardOrders(String sku, int count) {
        try (ExecutorService shopClients = Executors.newFixedThreadPool(4)) {
            return new ArrayList<>(IntStream.range(0, count)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> place(
                                    order(OrderRequests.newCustomerEmail(), sku, 1, OrderRequests.card("tok_slow"))),
                            shopClients))
                    .toList()
                    .stream()
                    .map(CompletableFuture::join)
                    .toList());
        }
    }

    public NurtureClient.Answer awaitStatus(String orderId, String status) {
        try {
            return await().atMost(patience)
                    .until(() -> api.get("/api/orders/" + orderId), answer -> status.equals(answer.text("status")));
        } catch (ConditionTimeoutException stuck) {
            throw new AssertionError(
                    "Order " + orderId + " did not reach " + status + "; " + whereIs.apply(orderId), stuck);
        }
    }

    /**
     * A card order of these lines, paid and waiting before its hand-over: the carrier refuses its
     * address, so its shipping step retries (into an incident) until the test hands it over itself.
     */
    public String paidOrderWaitingForTheCarrier(List<Map<String, Object>> lines) {
        String orderId = place(
                order(OrderRequests.newCustomerEmail(), lines, OrderRequests.card("tok_visa"), "DE", CARRIER_OUTAGE));
        awaitStatus(orderId, "PAID");
        return orderId;
    }

    /** Waits for a card order to ship, reports its delivery, and answers its customer id. */
    public String deliver(String orderId) {
        String trackingNumber = awaitStatus(orderId, "SHIPPED").text("trackingNumber");
        api.post("/api/shipments/" + trackingNumber + "/events", Map.of("type", "DELIVERED"));
        return awaitStatus(orderId, "DELIVERED").text("customerId");
    }

    public NurtureClient.Answer awaitStage(String customerId, String stage) {
        return await().atMost(patience)
                .until(() -> api.get("/api/customers/" + customerId), answer -> stage.equals(answer.text("stage")));
    }

    /**
     * Moves time once, past both the follow-up (3 days after delivery) and the survey (7 days after
     * delivery); answers the survey token. Both are due dates counted from the delivery, so one move
     * runs both, whenever the journey reaches its timers.
     */
    public String surveyAfterDelivery(String customerId, String orderId) {
        advanceClock("P7DT1H");
        return awaitSurveyToken(customerId, orderId);
    }

    /** Waits for the survey of the customer's order and answers its token. */
    public String awaitSurveyToken(String customerId, String orderId) {
        return await().atMost(patience).until(() -> surveyOf(customerId, orderId), token -> !token.isEmpty());
    }

    /** The token of the order's survey, empty while there is none. */
    public String surveyOf(String customerId, String orderId) {
        for (var survey : api.get("/api/customers/" + customerId + "/surveys").body()) {
            if (survey.path("orderId").asText().equals(orderId)) {
                return survey.path("token").asText();
            }
        }
        return "";
    }

    /** The customer's journey steps as step:outcome[:reason]. */
    public List<String> stepsOf(String customerId) {
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

    public List<String> timelineStatuses(String orderId) {
        List<String> statuses = new ArrayList<>();
        api.get("/api/orders/" + orderId)
                .body()
                .path("timeline")
                .forEach(entry -> statuses.add(entry.path("status").asText()));
        return statuses;
    }

    public List<String> templatesSentTo(String customerId) {
        List<String> templates = new ArrayList<>();
        api.get("/api/customers/" + customerId + "/messages")
                .body()
                .forEach(m -> templates.add(m.path("template").asText()));
        return templates;
    }

    public int available(String sku) {
        return api.get("/api/inventory/" + sku).body().path("available").asInt();
    }

    public int reserved(String sku) {
        return api.get("/api/inventory/" + sku).body().path("reserved").asInt();
    }

    /**
     * A stock take: the level set for the version just read (If-Match), read again when an order
     * still under way reserved or released meanwhile (412), as the API asks.
     */
    public void setStock(String sku, int available) {
        await().atMost(patience).until(() -> {
            String version =
                    api.get("/api/inventory/" + sku).body().path("version").asText();
            int status = api.put(
                            "/api/inventory/" + sku,
                            Map.of("available", available),
                            Map.of("If-Match", "\"" + version + "\""))
                    .status();
            assertThat(status).as("stock take of " + sku).isIn(200, 412);
            return status == 200;
        });
    }

    /**
     * The reconciliation's findings for the order among the orders placed since the instant: empty
     * while its money is at rest and balances.
     */
    public List<String> moneyViolationsOf(String orderId, Instant since) {
        return api
                .get("/api/reconciliation?placedSince=" + since)
                .body()
                .path("violations")
                .findValuesAsText("orderId")
                .stream()
                .filter(orderId::equals)
                .toList();
    }

    /** Moves engine and app time together, through the clock-control API. */
    public void advanceClock(String isoDuration) {
        assertThat(api.post("/api/dev/clock", Map.of("advance", isoDuration)).status())
                .isEqualTo(200);
    }
}
