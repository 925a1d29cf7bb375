package io.nurture.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nurture.testkit.LocalNurture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Nurture through its HTTP API: card orders from concurrent clients, each with its own idempotency key.
 * While orders are measured the benchmark does not ask the app how far they got: an order counts as
 * shipped when its shipping mail reaches the benchmark's mail server, and the app's heap is read
 * from its GC log. A scrape of the app's metrics costs the app and its database (about 7 and 1.4 ms
 * of CPU), which four scrapes a second for the wait and one for the heap added to every order's figure.
 */
final class EndToEnd {

    static final String SKU = "CUP-CERAMIC-2";
    private static final String SHIPPING_MAIL = "order-shipped";
    private static final Pattern SHIPPED =
            Pattern.compile("(?m)^nurture_orders\\{status=\"SHIPPED\"[^}]*} ([0-9.E+]+)$");
    private static final Pattern DELIVERED =
            Pattern.compile("(?m)^nurture_orders\\{status=\"DELIVERED\"[^}]*} ([0-9.E+]+)$");
    private static final Pattern RETRIES = Pattern.compile(
            "(?m)^nurture_outbox_deliveries_total\\{outbox=\"(\\w+)\",outcome=\"retry\"[^}]*} ([0-9.E+]+)$");
    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\":\"([^\"]+)\"");
    private static final Pattern TRACKING_NUMBER = Pattern.compile("\"trackingNumber\":\"([^\"]+)\"");
    private static final Pattern HEAP =
            Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)$");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final LocalNurture app;
    private final GcLog gcLog;
    private final MailServer mail;
    private final DatabaseStatements statements;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code mail} is null where Nurture mails elsewhere: orders shipped are then read from the app's metrics. */
    EndToEnd(LocalNurture app, GcLog gcLog, MailServer mail) {
        this.app = app;
        this.gcLog = gcLog;
        this.mail = mail;
        this.statements = new DatabaseStatements(app);
    }

    void stock() {
        if (send("POST", "/api/inventory/" + SKU + "/restock", "{\"quantity\":1000000}", LocalNurture.STAFF_KEY)
                        .statusCode()
                != 200) {
            throw new IllegalStateException("Could not stock " + SKU + " for the run");
        }
    }

    /**
     * Opens process instances until {@code target} are open, as a shop's would be: orders waiting
     * for their delivery (one instance each), and delivered orders whose post-purchase and
     * retention journeys wait on their timers (two each, the order's own having ended).
     */
    void open(int alreadyOpen, int target, int clients) throws Exception {
        int missing = target - alreadyOpen;
        if (missing <= 0) {
            return;
        }
        int toDeliver = missing / 3;
        int toPlace = missing - toDeliver;
        long started = System.nanoTime();
        List<String> placed = Collections.synchronizedList(new ArrayList<>());
        long shippedBefore = shipped();
        Load.inParallel(clients, toPlace, i -> placed.add(placeOrder()));
        awaitShipped(shippedBefore + toPlace);
        int deliveredBefore = count(DELIVERED, metrics());
        Load.inParallel(clients, toDeliver, i -> deliver(placed.get(i)));
        awaitDelivered(deliveredBefore + toDeliver);
        System.out.printf(
                "Opened %d more instances (%d orders waiting for delivery, %d delivered with two journeys each) in %d s%n",
                missing, toPlace - toDeliver, toDeliver, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        awaitQuiet();
    }

    /**
     * Until app, broker and database together use under a quarter of a core for three seconds running.
     * A delivery's journeys start after its order counts as delivered, and their first steps ran
     * into the next measurement: 2.8 more statements per measured order than with none open.
     */
    private void awaitQuiet() throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.MINUTES.toNanos(2);
        Cpu last = Cpu.of(app);
        int quietSeconds = 0;
        while (quietSeconds < 3 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            Cpu now = Cpu.of(app);
            Cpu used = now.since(last);
            last = now;
            quietSeconds = used.app() + used.broker() + used.database() < 0.25 ? quietSeconds + 1 : 0;
        }
        System.out.printf(
                "Quiet after %d s%s%n",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
                quietSeconds < 3 ? " (not quiet within 2 minutes: measuring anyway)" : "");
    }

    /**
     * The money check over every order the run ended (GET /api/reconciliation): what it finds is
     * printed and fails the run, however fast it was.
     */
    void moneyChecked() throws Exception {
        HttpResponse<String> answer = send("GET", "/api/reconciliation", "", LocalNurture.STAFF_KEY);
        JsonNode report = JSON.readTree(answer.body());
        int violations = report.path("violations").size();
        System.out.printf(
                "Money check: %d orders checked, %d violations%n",
                report.path("ordersChecked").asInt(), violations);
        if (answer.statusCode() != 200 || violations > 0) {
            throw new IllegalStateException(
                    "The reconciliation found orders whose money disagrees with their state: " + answer.body());
        }
    }

    /** POST latency while orders arrive at a steady rate from the clients (open loop), all processed meanwhile. */
    Latencies paced(int orders, int clients, double perSecond) throws Exception {
        long shippedBefore = shipped();
        Latencies posts = new Latencies();
        Load.paced(clients, orders, perSecond, (due, i) -> posts.timeFrom(due, this::placeOrder));
        awaitShipped(shippedBefore + orders);
        return posts;
    }

    Run measure(int orders, int clients) throws Exception {
        long shippedBefore = shipped();
        Latencies posts = new Latencies();
        AtomicInteger refused = new AtomicInteger();
        Map<String, Long> statementsBefore = statements.counts();
        Cpu cpuBefore = Cpu.of(app);
        Instant started = Instant.now();
        long start = System.nanoTime();
        Load.inParallel(
                clients,
                orders,
                i -> posts.time(() -> {
                    if (send("POST", "/api/orders", order(), LocalNurture.SHOP_KEY)
                                    .statusCode()
                            != 201) {
                        refused.incrementAndGet();
                    }
                }));
        if (refused.get() > 0) {
            throw new IllegalStateException(refused.get() + " orders were not accepted; see the app's log");
        }
        awaitShipped(shippedBefore + orders);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Cpu used = Cpu.of(app).since(cpuBefore);
        Instant ended = Instant.now();
        System.out.println("Database statements per order: "
                + DatabaseStatements.perOrder(statementsBefore, statements.counts(), orders));
        System.out.printf(
                "Outbox deliveries retried so far: %s%n",
                RETRIES.matcher(metrics())
                        .results()
                        .map(m -> m.group(1) + " " + (long) Double.parseDouble(m.group(2)))
                        .toList());
        double averageCpu = used.app()
                / (elapsed.toMillis() / 1000.0)
                / Runtime.getRuntime().availableProcessors();
        return new Run(orders, elapsed, posts, peakHeapMb(started, ended), averageCpu, used);
    }

    /** Orders handed to the carrier so far. */
    private long shipped() {
        return mail == null ? count(SHIPPED, metrics()) : mail.received(SHIPPING_MAIL);
    }

    /** Counting mails costs the app nothing, so it is looked at often; a scrape of its metrics 4 times a second. */
    private void awaitShipped(long count) throws InterruptedException {
        awaitAtLeast(count, "shipped", this::shipped, mail == null ? 250 : 20);
    }

    private void awaitDelivered(int count) throws InterruptedException {
        awaitAtLeast(count, "were delivered", () -> count(DELIVERED, metrics()), 250);
    }

    private static void awaitAtLeast(long count, String reached, LongSupplier orders, long pollMillis)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (orders.getAsLong() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Fewer than " + count + " orders " + reached + " within 15 minutes");
            }
            Thread.sleep(pollMillis);
        }
    }

    /**
     * The highest heap before a collection in the run, or the heap at its end where that is higher
     * (a short run may see no collection): read once the run's CPU is taken.
     */
    private double peakHeapMb(Instant from, Instant to) {
        double atEnd = 0;
        Matcher pools = HEAP.matcher(metrics());
        while (pools.find()) {
            atEnd += Double.parseDouble(pools.group(1));
        }
        return Math.max(gcLog.peakHeapMb(from, to), atEnd / (1024 * 1024));
    }

    private String placeOrder() {
        HttpResponse<String> answer = send("POST", "/api/orders", order(), LocalNurture.SHOP_KEY);
        Matcher id = ORDER_ID.matcher(answer.body());
        if (answer.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("Order refused: " + answer.statusCode() + " " + answer.body());
        }
        return id.group(1);
    }

    private void deliver(String orderId) {
        Matcher trackingNumber = TRACKING_NUMBER.matcher(
                send("GET", "/api/orders/" + orderId, "", LocalNurture.SHOP_KEY).body());
        if (!trackingNumber.find()) {
            throw new IllegalStateException("Order " + orderId + " has no tracking number");
        }
        send(
                "POST",
                "/api/shipments/" + trackingNumber.group(1) + "/events",
                "{\"type\":\"DELIVERED\"}",
                LocalNurture.SHOP_KEY);
    }

    private String order() {
        return """
                {"customer":{"email":"bench-%s@example.com","name":"Bench Customer"},
                 "lines":[{"sku":"%s","quantity":1}],
                 "payment":{"method":"CARD","token":"tok_visa"},
                 "shippingAddress":{"line1":"1 Load St","city":"Berlin","postalCode":"10115","country":"DE"},
                 "billingCountry":"DE"}""".formatted(UUID.randomUUID(), SKU);
    }

    private HttpResponse<String> send(String method, String path, String body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("X-API-Key", key)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        if ("POST".equals(method)) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    private String metrics() {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(app.baseUrl() + "/actuator/prometheus"))
                                    .header("X-API-Key", LocalNurture.STAFF_KEY)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the app's metrics", e);
        }
    }

    private static int count(Pattern status, String metrics) {
        Matcher matcher = status.matcher(metrics);
        return matcher.find() ? (int) Double.parseDouble(matcher.group(1)) : 0;
    }
}
