package io.nurture.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nurture.testkit.LocalNurture;
import io.nurture.testkit.NurtureClient;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Nurture's REST API as the shop's system, the carrier, customers and staff use it. */
final class NurtureApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NurtureClient shop;
    private final NurtureClient staff;
    private final NurtureClient customer;

    NurtureApi(String baseUrl) {
        this.shop = new NurtureClient(baseUrl, LocalNurture.SHOP_KEY);
        this.staff = new NurtureClient(baseUrl, LocalNurture.STAFF_KEY);
        this.customer = new NurtureClient(baseUrl, null);
    }

    record Activity(
            long jobsStarted,
            int jobsRunning,
            long jobsInClient,
            long engineCallsInFlight,
            long outboxPending,
            boolean movedTimersFired,
            boolean engineCaughtUp,
            long engineSteps,
            Long jobsInTransit,
            Long jobPushesFailed) {

        /** Nothing running in the app, nothing on its way to the engine, and the last move's timers fired. */
        boolean idle() {
            return jobsRunning == 0
                    && jobsInClient == 0
                    && engineCallsInFlight == 0
                    && outboxPending == 0
                    && movedTimersFired;
        }

        /** The app could count the jobs between engine and client, and there were none. */
        boolean nothingInTransit() {
            return jobsInTransit != null && jobsInTransit == 0;
        }

        /** Nothing started or was processed since the earlier look. */
        boolean sameProgressAs(Activity earlier) {
            return jobsStarted == earlier.jobsStarted && engineSteps == earlier.engineSteps;
        }
    }

    Instant now() {
        return Instant.parse(get("/api/dev/clock").path("now").asText());
    }

    /** The app's clock moves to the instant and stands still there until the next move; the engine's moves on by as much. */
    void holdAt(Instant at) {
        send("POST", "/api/dev/clock", JSON.createObjectNode().put("holdAt", at.toString()), staff);
    }

    /**
     * @param engine also whether the engine has processed every command written to it (a probe it
     *     answers) and the steps it has taken since (a call to the broker; -1 without)
     */
    Activity activity(boolean engine) {
        JsonNode activity = get("/api/dev/activity?engine=" + engine);
        return new Activity(
                activity.path("jobsStarted").asLong(),
                activity.path("jobsRunning").asInt(),
                activity.path("jobsInClient").asLong(),
                activity.path("engineCallsInFlight").asLong(),
                activity.path("outboxPending").asLong(),
                // Null when the move had no probe (the engine could not take it): nobody can say, so no wait.
                !activity.path("movedTimersFired").isBoolean()
                        || activity.path("movedTimersFired").asBoolean(),
                activity.path("engineCaughtUp").asBoolean(),
                activity.path("engineSteps").asLong(),
                longOrNull(activity.path("jobsInTransit")),
                longOrNull(activity.path("jobPushesFailed")));
    }

    private static Long longOrNull(JsonNode number) {
        return number.isIntegralNumber() ? number.asLong() : null;
    }

    /** Goods arrive: adds them to what the shop has. */
    void restock(String sku, int quantity) {
        send(
                "POST",
                "/api/inventory/" + sku + "/restock",
                JSON.createObjectNode().put("quantity", quantity),
                staff);
    }

    /** Answers the placed order's id and total, or null when the shop refused the coupon (expired, used). */
    Placed placeOrder(Shopper shopper, List<String> skus, boolean invoice, String couponCode) {
        ObjectNode order = JSON.createObjectNode();
        order.putObject("customer")
                .put("email", shopper.email())
                .put("name", shopper.name())
                .put("marketingConsent", shopper.consentOnOrder())
                .put("timeZone", shopper.home.zone());
        if (shopper.segment.beforeFirstOrder() != null) {
            order.with("customer").put("anonymousId", shopper.anonymousId());
        }
        var lines = order.putArray("lines");
        skus.forEach(sku -> lines.addObject().put("sku", sku).put("quantity", 1));
        ObjectNode payment = order.putObject("payment").put("method", invoice ? "INVOICE" : "CARD");
        if (!invoice) {
            payment.put("token", "tok_visa");
        }
        order.putObject("shippingAddress")
                .put("line1", "1 Simulation Way")
                .put("city", "Simtown")
                .put("postalCode", "10115")
                .put("country", shopper.home.country());
        order.put("billingCountry", shopper.home.country());
        if (couponCode != null) {
            order.put("couponCode", couponCode);
        }
        NurtureClient.Answer answer = shop.send("POST", "/api/orders", order.toString());
        if (answer.status() == 400
                && couponCode != null
                && answer.body().toString().contains("couponCode")) {
            return null;
        }
        JsonNode placed = expect(answer, 201, "POST /api/orders");
        return new Placed(
                placed.path("orderId").asText(),
                new BigDecimal(placed.path("total").asText()));
    }

    record Placed(String orderId, BigDecimal total) {}

    /** The shop reports what the shopper did on its site: one batch, every event at the instant. */
    void shopEvents(Shopper shopper, Instant at, List<ObjectNode> events) {
        ObjectNode batch = JSON.createObjectNode();
        var list = batch.putArray("events");
        for (int n = 0; n < events.size(); n++) {
            ObjectNode event = events.get(n);
            event.put("eventId", "sim-" + shopper.index + "-" + at.toEpochMilli() + "-" + n)
                    .put("occurredAt", at.toString());
            if (!event.has("person")) {
                ObjectNode person = event.putObject("person").put("anonymousId", shopper.anonymousId());
                if (shopper.signedUp) {
                    person.put("email", shopper.email());
                }
            }
            list.add(event);
        }
        send("POST", "/api/events", batch, shop);
    }

    /** The shopper signs up for the shop's news with consent: the shop learns who they are. */
    void signUp(Shopper shopper, Instant at) {
        ObjectNode event = event("SIGNED_UP");
        event.putObject("person")
                .put("anonymousId", shopper.anonymousId())
                .put("email", shopper.email())
                .put("name", shopper.name())
                .put("marketingConsent", true);
        shopEvents(shopper, at, List.of(event));
    }

    /** The shopper confirms a sign-up through the link in its mail (the page's button posts it). */
    void confirmSignUp(String path) {
        send("POST", path, null, customer);
    }

    JsonNode order(String orderId) {
        return get("/api/orders/" + orderId);
    }

    void deliver(String trackingNumber) {
        send(
                "POST",
                "/api/shipments/" + trackingNumber + "/events",
                JSON.createObjectNode().put("type", "DELIVERED"),
                shop);
    }

    void payInvoice(String orderId, BigDecimal amount) {
        send(
                "POST",
                "/api/orders/" + orderId + "/payments",
                JSON.createObjectNode().put("amount", amount).put("reference", "SIM-" + orderId),
                shop);
    }

    /** The customer sends one unit of the order's first product back. */
    void requestReturn(String orderId, String reason) {
        String sku = order(orderId).path("lines").get(0).path("sku").asText();
        ObjectNode request = JSON.createObjectNode();
        request.putArray("lines").addObject().put("sku", sku).put("quantity", 1).put("reason", reason);
        send("POST", "/api/orders/" + orderId + "/returns", request, shop);
    }

    /** The order's latest return. */
    JsonNode returnOf(String orderId) {
        JsonNode returns = order(orderId).path("returns");
        return get("/api/returns/"
                + returns.get(returns.size() - 1).path("returnId").asText());
    }

    /** The carrier brings the return parcel back to the shop. */
    void sendParcelBack(String labelTrackingNumber) {
        send(
                "POST",
                "/api/shipments/" + labelTrackingNumber + "/events",
                JSON.createObjectNode().put("type", "RETURN_RECEIVED"),
                shop);
    }

    /** Staff find everything sent back as it should be. */
    void inspectAndAcceptAll(String returnId) {
        ObjectNode inspection = JSON.createObjectNode().put("note", "as sent");
        var lines = inspection.putArray("lines");
        get("/api/returns/" + returnId)
                .path("lines")
                .forEach(line -> lines.addObject()
                        .put("sku", line.path("sku").asText())
                        .put("accepted", line.path("quantity").asInt())
                        .put("sellable", true));
        send("POST", "/api/returns/" + returnId + "/inspection", inspection, staff);
    }

    /** A survey can close before its answer arrives (expired, 410): that is an outcome, not an error. */
    void answerSurvey(String token, int score) {
        send(
                "POST",
                "/api/surveys/" + token + "/responses",
                JSON.createObjectNode().put("score", score),
                customer,
                409,
                410);
    }

    static ObjectNode event(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    void unsubscribe(String path) {
        send("POST", path, null, customer);
    }

    void resolveCareCase(String id) {
        send(
                "POST",
                "/api/care-cases/" + id + "/resolution",
                JSON.createObjectNode().put("note", "called the customer"),
                staff,
                409);
    }

    JsonNode get(String path) {
        return expect(staff.get(path), 200, "GET " + path);
    }

    /** Any 2xx, or one of the other statuses named, is an answer the caller expects. */
    private static void send(String method, String path, JsonNode body, NurtureClient as, int... alsoExpected) {
        NurtureClient.Answer answer = as.send(method, path, body == null ? null : body.toString());
        if (answer.status() / 100 == 2) {
            return;
        }
        for (int status : alsoExpected) {
            if (answer.status() == status) {
                return;
            }
        }
        throw new IllegalStateException(method + " " + path + " answered " + answer.status() + ": " + answer.body());
    }

    private static JsonNode expect(NurtureClient.Answer answer, int status, String call) {
        if (answer.status() != status) {
            throw new IllegalStateException(call + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }
}
