package io.nurture.order.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Order bodies that are valid but for exactly one hostile field: wrong type, empty, blank, too
 * long, out of range, unknown to the catalogue, injection metacharacters, a field the API does not
 * know. Most are refused by the request's own rules (checked on the web slice); the rest only by
 * what is stored — the catalogue, coupons, referral codes — and need the whole app.
 */
public final class HostileOrders {

    private static final String TOO_LONG_EMAIL = "a".repeat(250) + "@x.io";
    private static final Map<String, List<Object>> REFUSED_BY_THE_REQUEST = refusedByTheRequestByField();
    /** Well-formed values nothing stored answers to; a card payment's token is checked with its method. */
    private static final Map<String, List<Object>> REFUSED_BY_WHAT_IS_STORED = Map.of(
            "lines[0].sku", values("NO-SUCH-SKU", "'; DROP TABLE products; --"),
            "payment.token", values(null, "", "   "),
            "couponCode", values("WB-NOSUCHCODE", "{{customerName}}"),
            "referralCode", values("REF-NOSUCH", "'; DROP TABLE referral_codes; --"));

    private HostileOrders() {}

    /** Field and value of every case the request's rules refuse. */
    public static Stream<Arguments> refusedByTheRequest() {
        return cases(REFUSED_BY_THE_REQUEST);
    }

    /** Field and value of every case only stored data refuses (an unknown SKU, coupon or referral code). */
    public static Stream<Arguments> refusedByWhatIsStored() {
        return cases(new TreeMap<>(REFUSED_BY_WHAT_IS_STORED));
    }

    private static Stream<Arguments> cases(Map<String, List<Object>> valuesByField) {
        return valuesByField.entrySet().stream()
                .flatMap(field -> field.getValue().stream().map(value -> Arguments.of(field.getKey(), value)));
    }

    private static Map<String, List<Object>> refusedByTheRequestByField() {
        Map<String, List<Object>> hostile = new LinkedHashMap<>();
        hostile.put("customer", values(null, "ada", List.of()));
        hostile.put(
                "customer.email",
                values(
                        null,
                        "",
                        " ",
                        "not-an-address",
                        "'; DROP TABLE orders; --",
                        "<script>alert(1)</script>@x",
                        TOO_LONG_EMAIL,
                        Map.of(),
                        List.of("a@example.com")));
        hostile.put(
                "customer.name",
                values(
                        null,
                        "",
                        "   ",
                        "x".repeat(201),
                        Map.of(),
                        List.of(),
                        "Ada\r\nBcc: someone@example.com",
                        "Ada\nLovelace",
                        "Ada\tLovelace",
                        "Ada\u2028Lovelace",
                        "Ada\u0085"));
        hostile.put("customer.marketingConsent", values("maybe", Map.of()));
        hostile.put("customer.timeZone", values("Mars/Olympus", "", "+02:00", "x".repeat(65), List.of()));
        hostile.put("customer.nickname", values("Ada"));
        hostile.put("lines", values(null, List.of(), "TEA-SENCHA-100", Collections.nCopies(101, line())));
        hostile.put("lines[0]", values(null, "TEA-SENCHA-100", 7));
        hostile.put("lines[0].sku", values(null, "", " ", "x".repeat(65)));
        hostile.put("lines[0].quantity", values(null, 0, -5, 1001, Integer.MIN_VALUE, Long.MAX_VALUE, "two", Map.of()));
        hostile.put("payment", values(null, "CARD"));
        hostile.put("payment.method", values(null, "BITCOIN", "", "card"));
        hostile.put("payment.token", values("x".repeat(65)));
        hostile.put("shippingAddress", values(null, "Berlin"));
        hostile.put("shippingAddress.line1", values(null, "", " ", "x".repeat(201), "12 Main St\r\nSubject: free"));
        hostile.put("shippingAddress.city", values(null, "", "x".repeat(101), "Berlin\n"));
        hostile.put("shippingAddress.postalCode", values(null, "", "x".repeat(21), "10115\u0000"));
        hostile.put("shippingAddress.country", values(null, "", "de", "DEU", "D1", "\u0000\u0000"));
        hostile.put("billingCountry", values(null, "", "de", "DEU", 49));
        hostile.put("couponCode", values("x".repeat(33)));
        hostile.put("referralCode", values("x".repeat(33)));
        hostile.put("orderNote", values("please hurry"));
        return hostile;
    }

    private static List<Object> values(Object... values) {
        return Arrays.asList(values);
    }

    private static Map<String, Object> line() {
        return Map.of("sku", "TEA-SENCHA-100", "quantity", 1);
    }

    /** A card order for a new customer that Nurture places (the e2e test checks it still is). */
    public static Map<String, Object> validOrder() {
        Map<String, Object> body = new HashMap<>();
        body.put("customer", Map.of("email", "customer-" + UUID.randomUUID() + "@example.com", "name", "Ada Lovelace"));
        body.put("lines", List.of(line()));
        body.put("payment", Map.of("method", "CARD", "token", "tok_visa"));
        body.put(
                "shippingAddress",
                Map.of("line1", "1 Main St", "city", "Berlin", "postalCode", "10115", "country", "DE"));
        body.put("billingCountry", "DE");
        return body;
    }

    @SuppressWarnings("unchecked")
    /** A copy of the body with the field at {@code path} (dots, and [0] for the first item) set to a value. */
    public static Map<String, Object> set(Map<String, Object> root, String path, Object value) {
        return (Map<String, Object>) setIn(root, path.split("\\."), 0, value);
    }

    @SuppressWarnings("unchecked")
    private static Object setIn(Object node, String[] steps, int depth, Object value) {
        String step = steps[depth];
        boolean indexed = step.endsWith("[0]");
        String key = indexed ? step.substring(0, step.length() - 3) : step;
        Map<String, Object> copy = new HashMap<>((Map<String, Object>) node);
        UnaryOperator<Object> descend =
                child -> depth + 1 == steps.length ? value : setIn(child, steps, depth + 1, value);
        if (indexed) {
            List<Object> items = new ArrayList<>((List<Object>) copy.get(key));
            items.set(0, descend.apply(items.get(0)));
            copy.put(key, items);
        } else {
            copy.put(key, descend.apply(copy.get(key)));
        }
        return copy;
    }
}
