package io.nurture.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.security.SliceClient;
import io.nurture.security.WebSliceTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Generated malformed and hostile bodies for every other write endpoint, from a fixed seed, on the
 * web slice: never a server error, always a problem answer (a body that happens to be valid meets
 * an unknown id and is a 404, so nothing is changed). The same bodies against resources that exist
 * are {@code HostileWriteOnExistingIdsIntegrationTest}.
 */
@WebSliceTest
class HostileWriteInputTest {

    @Autowired
    MockMvc mvc;

    private static final long SEED = 20261123L;
    private static final int CASES_PER_ENDPOINT = 25;
    private static final List<Object> HOSTILE_VALUES = List.of(
            "",
            "x".repeat(5000),
            "'; DROP TABLE orders; --",
            "{{customerName}}",
            "<script>alert(1)</script>",
            "\u0000",
            "\uD83D\uDE00\u202E",
            -1,
            Integer.MIN_VALUE,
            Long.MAX_VALUE,
            1e308,
            true,
            List.of(),
            Map.of());
    private static final List<Object> HOSTILE_BODIES = List.of("[]", "\"text\"", "42", "null", "{", "{\"a\":", "");

    @ParameterizedTest(name = "{0} {1} #{index}")
    @MethodSource("hostileWrites")
    void hostileBodyIsAProblemNotAServerError(String method, String path, Object body) {
        SliceClient.Answer answer = new SliceClient(mvc, SliceClient.HARNESS_KEY).send(method, path, body);

        assertThat(answer.status())
                .as(method + " " + path + " " + answer.body())
                .isBetween(400, 499);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        if (answer.status() == 400) {
            assertThat(answer.fieldsInError()).isNotEmpty();
        }
    }

    static Stream<Arguments> hostileWrites() {
        Random random = new Random(SEED);
        Map<String, Map<String, Object>> endpoints = Map.of(
                "POST /api/orders/no-such-order/review", Map.of("approved", true, "note", "checked"),
                "POST /api/orders/no-such-order/payments", Map.of("amount", "10.00", "reference", "BANK-1"),
                "POST /api/inventory/NO-SUCH-SKU/restock", Map.of("quantity", 5),
                "POST /api/shipments/SBXNOSUCH/events", Map.of("type", "DELIVERED"),
                "POST /api/surveys/no-such-token/responses", Map.of("score", 5, "comment", "fine"),
                "PUT /api/customers/no-such-customer/preferences", Map.of("marketingConsent", true),
                "POST /api/care-cases/no-such-case/resolution", Map.of("note", "resolved"));
        List<Arguments> cases = new ArrayList<>();
        endpoints.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(endpoint -> {
            String[] methodAndPath = endpoint.getKey().split(" ");
            for (int i = 0; i < CASES_PER_ENDPOINT; i++) {
                cases.add(Arguments.of(methodAndPath[0], methodAndPath[1], mutate(endpoint.getValue(), random)));
            }
        });
        return cases.stream();
    }

    private static Object mutate(Map<String, Object> valid, Random random) {
        if (random.nextInt(5) == 0) {
            return HOSTILE_BODIES.get(random.nextInt(HOSTILE_BODIES.size()));
        }
        Map<String, Object> body = new HashMap<>(valid);
        List<String> fields = new ArrayList<>(valid.keySet());
        fields.sort(String::compareTo);
        String field = fields.get(random.nextInt(fields.size()));
        Object value = HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size()));
        switch (random.nextInt(3)) {
            case 0 -> body.put(field, value);
            case 1 -> body.remove(field);
            default -> body.put(field + "Extra", value);
        }
        return body;
    }
}
