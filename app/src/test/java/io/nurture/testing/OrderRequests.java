package io.nurture.testing;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Parts of order requests, as a shop's checkout sends them. */
public final class OrderRequests {

    private OrderRequests() {}

    public static String newCustomerEmail() {
        return "customer-" + UUID.randomUUID() + "@example.com";
    }

    public static Map<String, Object> card(String token) {
        return Map.of("method", "CARD", "token", token);
    }

    public static Map<String, Object> invoice() {
        return Map.of("method", "INVOICE");
    }

    public static Map<String, Object> withConsent(Map<String, Object> order, boolean consent) {
        Map<String, Object> copy = new HashMap<>(order);
        @SuppressWarnings("unchecked")
        Map<String, Object> customer = new HashMap<>((Map<String, Object>) order.get("customer"));
        customer.put("marketingConsent", consent);
        copy.put("customer", customer);
        return copy;
    }

    public static Map<String, Object> with(Map<String, Object> order, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(order);
        copy.put(field, value);
        return copy;
    }

    /**
     * A zone where it is about midday on the app's clock: marketing waits out the night in the
     * customer's zone (contact-policy.dmn), so journeys that expect a marketing mail must not depend
     * on when the suite runs or how far earlier tests moved the clock. A test moves it by a few hours
     * at most, which keeps the customer's day well before 21:00.
     */
    public static String middayZone(Clock clock) {
        int hoursAhead = 12 - clock.instant().atZone(ZoneOffset.UTC).getHour();
        return hoursAhead == 0 ? "Etc/UTC" : "Etc/GMT" + (hoursAhead > 0 ? "-" + hoursAhead : "+" + -hoursAhead);
    }
}
