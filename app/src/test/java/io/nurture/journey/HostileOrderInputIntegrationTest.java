package io.nurture.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Order bodies that are valid but for exactly one hostile field (wrong type, empty, blank, too long,
 * out of range, unknown to the catalogue, injection metacharacters, a field the API does not know).
 * Each must be refused with a problem that names that field and nothing else, and leave no order and
 * no customer behind. The unchanged body is placed, so every refusal is the hostile field's doing.
 */
class HostileOrderInputIntegrationTest extends JourneyTest {

    private static final String TOO_LONG_EMAIL = "a".repeat(250) + "@x.io";
    private static final Map<String, List<Object>> HOSTILE = hostileValuesByField();

    @Test
    void theBodyEveryCaseStartsFromIsPlaced() {
        assertThat(api.post("/api/orders", validOrder()).status()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("oneHostileField")
    void orderWithOneHostileFieldIsRefusedNamingThatFieldAndStoresNothing(String field, Object value) {
        Map<String, Object> body = set(validOrder(), field, value);
        long ordersBefore = count("orders");
        long customersBefore = count("customers");

        NurtureClient.Answer answer = api.post("/api/orders", body);

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("errors").findValuesAsText("field")).as(answer.body().toString())
                .isNotEmpty().containsOnly(field);
        assertThat(count("orders")).isEqualTo(ordersBefore);
        assertThat(count("customers")).isEqualTo(customersBefore);
    }

    static Stream<Arguments> oneHostileField() {
        return HOSTILE.entrySet().stream()
                .flatMap(field -> field.getValue().stream().map(value -> Arguments.of(field.getKey(), value)));
    }

    private static Map<String, List<Object>> hostileValuesByField() {
        Map<String, List<Object>> hostile = new LinkedHashMap<>();
        hostile.put("customer", values(null, "ada", List.of()));
        hostile.put("customer.email", values(null, "", " ", "not-an-address", "'; DROP TABLE orders; --",
                "<script>alert(1)</script>@x", TOO_LONG_EMAIL, Map.of(), List.of("a@example.com")));
        hostile.put("customer.name", values(null, "", "   ", "x".repeat(201), Map.of(), List.of()));
        hostile.put("customer.marketingConsent", values("maybe", Map.of()));
        hostile.put("customer.nickname", values("Ada"));
        hostile.put("lines", values(null, List.of(), "TEA-SENCHA-100", Collections.nCopies(101, line())));
        hostile.put("lines[0]", values(null, "TEA-SENCHA-100", 7));
        hostile.put("lines[0].sku", values(null, "", " ", "NO-SUCH-SKU", "x".repeat(65), "'; DROP TABLE products; --"));
        hostile.put("lines[0].quantity", values(null, 0, -5, 1001, Integer.MIN_VALUE, Long.MAX_VALUE, "two", Map.of()));
        hostile.put("payment", values(null, "CARD"));
        hostile.put("payment.method", values(null, "BITCOIN", "", "card"));
        hostile.put("payment.token", values(null, "", "   ", "x".repeat(65)));
        hostile.put("shippingAddress", values(null, "Berlin"));
        hostile.put("shippingAddress.line1", values(null, "", " ", "x".repeat(201)));
        hostile.put("shippingAddress.city", values(null, "", "x".repeat(101)));
        hostile.put("shippingAddress.postalCode", values(null, "", "x".repeat(21)));
        hostile.put("shippingAddress.country", values(null, "", "de", "DEU", "D1", "\u0000\u0000"));
        hostile.put("billingCountry", values(null, "", "de", "DEU", 49));
        hostile.put("couponCode", values("WB-NOSUCHCODE", "x".repeat(33), "{{customerName}}"));
        hostile.put("referralCode", values("REF-NOSUCH", "x".repeat(33), "'; DROP TABLE referral_codes; --"));
        hostile.put("orderNote", values("please hurry"));
        return hostile;
    }

    private static List<Object> values(Object... values) {
        return Arrays.asList(values);
    }

    private static Map<String, Object> line() {
        return Map.of("sku", "TEA-SENCHA-100", "quantity", 1);
    }

    private static Map<String, Object> validOrder() {
        return order(newCustomerEmail(), "TEA-SENCHA-100", 1, card("tok_visa"));
    }

    private long count(String table) {
        return db.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> set(Map<String, Object> root, String path, Object value) {
        return (Map<String, Object>) setIn(root, path.split("\\."), 0, value);
    }

    @SuppressWarnings("unchecked")
    private static Object setIn(Object node, String[] steps, int depth, Object value) {
        String step = steps[depth];
        boolean indexed = step.endsWith("[0]");
        String key = indexed ? step.substring(0, step.length() - 3) : step;
        Map<String, Object> copy = new HashMap<>((Map<String, Object>) node);
        UnaryOperator<Object> descend = child -> depth + 1 == steps.length ? value : setIn(child, steps, depth + 1, value);
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
