package io.nurture.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.order.OrderRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Generated malformed and hostile order bodies (wrong types, huge and odd strings, out-of-range
 * numbers, missing and extra fields, injection metacharacters), from a fixed seed so that a failure
 * can be replayed: never a server error, never a stored order, always a problem naming a field.
 */
class HostileOrderInputTest extends JourneyTest {

    private static final long SEED = 20261122L;
    private static final int CASES = 150;
    private static final List<Object> HOSTILE_VALUES = List.of(
            "", " ", "x".repeat(5000), "'; DROP TABLE orders; --", "{{customerName}}", "<script>alert(1)</script>",
            "\u0000", "\uD83D\uDE00\u202E", -1, 0, Integer.MIN_VALUE, Long.MAX_VALUE, 1e308, -0.0, true,
            List.of(), Map.of(), List.of(1, 2));
    private static final List<String> PATHS = List.of("customer", "customer.email", "customer.name", "lines",
            "lines[0]", "lines[0].sku", "lines[0].quantity", "payment", "payment.method", "payment.token",
            "shippingAddress", "shippingAddress.line1", "shippingAddress.city", "shippingAddress.postalCode",
            "shippingAddress.country", "billingCountry", "couponCode", "referralCode");

    @Autowired
    OrderRepository orders;

    @ParameterizedTest(name = "hostile order #{index}")
    @MethodSource("hostileOrders")
    void hostileOrderIsRefusedAsAProblemNamingAFieldAndStoresNothing(Map<String, Object> body) {
        long ordersBefore = orders.count();

        NurtureClient.Answer answer = api.post("/api/orders", body);

        assertThat(answer.status()).as(answer.body().toString()).isBetween(400, 499);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("errors").findValuesAsText("field")).isNotEmpty();
        assertThat(orders.count()).isEqualTo(ordersBefore);
    }

    static Stream<Map<String, Object>> hostileOrders() {
        Random random = new Random(SEED);
        return IntStream.range(0, CASES).mapToObj(i -> mutate(validOrder(), random));
    }

    /** One to three mutations, at least one of which makes the order invalid. */
    private static Map<String, Object> mutate(Map<String, Object> order, Random random) {
        Map<String, Object> mutated = order;
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            String path = PATHS.get(random.nextInt(PATHS.size()));
            Object value = HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size()));
            mutated = switch (random.nextInt(3)) {
                case 0 -> set(mutated, path, value);
                case 1 -> set(mutated, path, null);
                default -> set(mutated, path + "Extra", value);
            };
        }
        return set(mutated, "lines[0].quantity", random.nextBoolean() ? 0 : -5);
    }

    private static Map<String, Object> validOrder() {
        return order(newCustomerEmail(), "TEA-SENCHA-100", 1, card("tok_visa"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> set(Map<String, Object> root, String path, Object value) {
        String[] steps = path.split("\\.");
        return (Map<String, Object>) setIn(root, steps, 0, value);
    }

    @SuppressWarnings("unchecked")
    private static Object setIn(Object node, String[] steps, int depth, Object value) {
        String step = steps[depth];
        boolean indexed = step.endsWith("[0]");
        String key = indexed ? step.substring(0, step.length() - 3) : step;
        if (!(node instanceof Map<?, ?> map)) {
            return node;
        }
        Map<String, Object> copy = new HashMap<>((Map<String, Object>) map);
        UnaryOperator<Object> descend = child -> depth + 1 == steps.length ? value : setIn(child, steps, depth + 1, value);
        if (indexed) {
            Object list = copy.get(key);
            if (list instanceof List<?> items && !items.isEmpty()) {
                List<Object> changed = new ArrayList<>(items);
                changed.set(0, descend.apply(items.get(0)));
                copy.put(key, changed);
            }
        } else {
            copy.put(key, descend.apply(copy.get(key)));
        }
        return copy;
    }
}
