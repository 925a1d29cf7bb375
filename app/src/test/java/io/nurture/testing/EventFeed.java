package io.nurture.testing;

import io.nurture.testkit.NurtureClient;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The shop's event feed as the tests use it: one event per {@code POST /api/events}, at the app's now. */
public final class EventFeed {

    private final NurtureClient api;
    private final Clock clock;
    private final Tables tables;

    EventFeed(NurtureClient api, Clock clock, Tables tables) {
        this.api = api;
        this.clock = clock;
        this.tables = tables;
    }

    /** A sign-up the shop reported, with consent staff recorded, in a zone where it is midday now; its customer id. */
    public String prospectWithConsent(String email) {
        post(event("SIGNED_UP", Map.of("email", email), Map.of()));
        String customerId = tables.customerIdOf(email);
        api.put(
                "/api/customers/" + customerId + "/preferences",
                Map.of("marketingConsent", true, "timeZone", OrderRequests.middayZone(clock)));
        return customerId;
    }

    public NurtureClient.Answer post(Map<String, Object> event) {
        return api.post("/api/events", Map.of("events", List.of(event)));
    }

    /** An event of the type about the person, happening now, with its further fields (a sku, a cart). */
    public Map<String, Object> event(String type, Map<String, Object> person, Map<String, Object> fields) {
        Map<String, Object> event = new HashMap<>(fields);
        event.put("eventId", "ev-" + UUID.randomUUID());
        event.put("type", type);
        event.put("occurredAt", Instant.now(clock).toString());
        event.put("person", person);
        return event;
    }
}
