package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.runtime.RuntimeDefaults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yaml.snakeyaml.Yaml;

/**
 * Every endpoint of the API, called without a key, with the shop's, staff's and Prometheus's key, on
 * the web slice (the real security rules and key filter): the roles it admits get through to the
 * endpoint, the rest are refused with problem details. The filter chain end to end, with the
 * actuator, is {@code EndpointSecurityIntegrationTest}.
 */
@WebSliceTest
class EndpointRolesTest {

    @Autowired
    MockMvc mvc;

    enum Caller {
        ANONYMOUS(null),
        SHOP(RuntimeDefaults.DEV_INTEGRATION_KEY),
        STAFF(RuntimeDefaults.DEV_STAFF_KEY),
        METRICS(SliceClient.METRICS_KEY);

        final String key;

        Caller(String key) {
            this.key = key;
        }
    }

    private static final Set<Caller> PUBLIC = EnumSet.allOf(Caller.class);
    private static final Set<Caller> SHOP_ONLY = Set.of(Caller.SHOP);
    private static final Set<Caller> SHOP_AND_STAFF = Set.of(Caller.SHOP, Caller.STAFF);
    private static final Set<Caller> STAFF_ONLY = Set.of(Caller.STAFF);
    private static final Set<Caller> STAFF_AND_METRICS = Set.of(Caller.STAFF, Caller.METRICS);

    /** Who may call what, written down independently of the security configuration it checks. */
    private static final Map<String, Set<Caller>> ADMITTED = Map.ofEntries(
            Map.entry("POST /api/orders", SHOP_ONLY),
            Map.entry("POST /api/events", SHOP_ONLY),
            Map.entry("GET /api/customers/{customerId}/events", STAFF_ONLY),
            Map.entry("GET /api/orders", STAFF_ONLY),
            Map.entry("GET /api/orders/{orderId}", SHOP_AND_STAFF),
            Map.entry("POST /api/orders/{orderId}/cancellation", SHOP_AND_STAFF),
            Map.entry("POST /api/orders/{orderId}/payments", SHOP_ONLY),
            Map.entry("POST /api/orders/{orderId}/review", STAFF_ONLY),
            Map.entry("POST /api/orders/{orderId}/refunds", STAFF_ONLY),
            Map.entry("POST /api/orders/{orderId}/messages/{messageId}/resend", STAFF_ONLY),
            Map.entry("POST /api/orders/{orderId}/returns", SHOP_AND_STAFF),
            Map.entry("GET /api/returns/{returnId}", SHOP_AND_STAFF),
            Map.entry("POST /api/returns/{returnId}/review", STAFF_ONLY),
            Map.entry("POST /api/returns/{returnId}/inspection", STAFF_ONLY),
            Map.entry("POST /api/shipments/{trackingNumber}/events", SHOP_ONLY),
            Map.entry("GET /api/products", SHOP_AND_STAFF),
            Map.entry("GET /api/inventory/{sku}", STAFF_ONLY),
            Map.entry("PUT /api/inventory/{sku}", STAFF_ONLY),
            Map.entry("POST /api/inventory/{sku}/restock", STAFF_ONLY),
            Map.entry("GET /api/inbox", STAFF_ONLY),
            Map.entry("POST /api/inbox/{kind}/{subjectId}/claim", STAFF_ONLY),
            Map.entry("DELETE /api/inbox/{kind}/{subjectId}/claim", STAFF_ONLY),
            Map.entry("GET /api/care-cases", STAFF_ONLY),
            Map.entry("POST /api/care-cases/{caseId}/resolution", STAFF_ONLY),
            Map.entry("GET /api/refunds", STAFF_ONLY),
            Map.entry("GET /api/refunds/{refundId}", STAFF_ONLY),
            Map.entry("POST /api/refunds/{refundId}/settlement", STAFF_ONLY),
            Map.entry("GET /api/reconciliation", STAFF_ONLY),
            Map.entry("GET /api/customers", STAFF_ONLY),
            Map.entry("POST /api/customers/imports", STAFF_ONLY),
            Map.entry("GET /api/customers/{customerId}", STAFF_ONLY),
            Map.entry("GET /api/customers/{customerId}/coupons", STAFF_ONLY),
            Map.entry("GET /api/customers/{customerId}/journey", STAFF_ONLY),
            Map.entry("GET /api/customers/{customerId}/messages", STAFF_ONLY),
            Map.entry("PUT /api/customers/{customerId}/preferences", STAFF_ONLY),
            Map.entry("GET /api/customers/{customerId}/surveys", STAFF_ONLY),
            Map.entry("GET /api/metrics/lifecycle", STAFF_ONLY),
            Map.entry("GET /api/metrics/returns", STAFF_ONLY),
            Map.entry("GET /api/metrics/lifecycle/series", STAFF_ONLY),
            Map.entry("GET /api/journeys/{journey}/funnel", STAFF_ONLY),
            Map.entry("GET /api/journeys/{journey}/uplift", STAFF_ONLY),
            Map.entry("GET /api/journeys/{journey}/experiments", STAFF_ONLY),
            Map.entry("GET /api/suppressions", STAFF_ONLY),
            Map.entry("POST /api/customers/{customerId}/erasure", STAFF_ONLY),
            Map.entry("GET /api/customers/{customerId}/export", STAFF_ONLY),
            Map.entry("GET /api/customers/{customerId}/consents", STAFF_ONLY),
            Map.entry("DELETE /api/suppressions/{id}", STAFF_ONLY),
            Map.entry("GET /api/dev/clock", STAFF_ONLY),
            Map.entry("POST /api/dev/clock", STAFF_ONLY),
            Map.entry("GET /api/dev/activity", STAFF_ONLY),
            Map.entry("POST /api/surveys/{token}/responses", PUBLIC),
            Map.entry("GET /surveys/{token}", PUBLIC),
            Map.entry("POST /surveys/{token}", PUBLIC),
            Map.entry("GET /unsubscribe/{token}", PUBLIC),
            Map.entry("POST /unsubscribe/{token}", PUBLIC),
            Map.entry("GET /preferences/{token}", PUBLIC),
            Map.entry("POST /preferences/{token}", PUBLIC),
            Map.entry("GET /returns/start/{token}", PUBLIC),
            Map.entry("GET /consent/{token}", PUBLIC),
            Map.entry("POST /consent/{token}", PUBLIC),
            Map.entry("POST /returns/start/{token}", PUBLIC),
            Map.entry("GET /actuator/health", PUBLIC),
            Map.entry("GET /actuator/prometheus", STAFF_AND_METRICS),
            Map.entry("GET /actuator/metrics", STAFF_ONLY),
            Map.entry("GET /actuator/info", STAFF_ONLY),
            Map.entry("GET /actuator", STAFF_ONLY),
            Map.entry("GET /api/no-such-endpoint", Set.of()));

    /** The mail provider's webhooks: its signature is the permission, and no API key stands in for it. */
    private static final Set<String> SIGNED = Set.of("POST /api/mail-events", "POST /api/mail-events/mailgun");

    static Stream<Arguments> everyEndpointAndCaller() {
        List<Arguments> cases = new ArrayList<>();
        ADMITTED.forEach((endpoint, admitted) -> {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(endpoint, caller, admitted.contains(caller)));
            }
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}: admitted {2}")
    @MethodSource("everyEndpointAndCaller")
    void eachEndpointAdmitsOnlyItsRoles(String endpoint, Caller caller, boolean admitted) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "UNKNOWN-1");

        SliceClient.Answer answer =
                new SliceClient(mvc, caller.key).send(method, path, method.equals("GET") ? null : "{}");

        if (admitted) {
            assertThat(answer.status())
                    .as(endpoint + " as " + caller)
                    .isNotIn(401, 403)
                    .isLessThan(500);
        } else {
            assertThat(answer.status())
                    .as(endpoint + " as " + caller)
                    .isEqualTo(caller == Caller.ANONYMOUS ? 401 : 403);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void everyDescribedEndpointHasAnAgreedRole() throws IOException {
        Set<String> described = new TreeSet<>();
        Map<String, Map<String, Object>> paths = new Yaml()
                .<Map<String, Map<String, Map<String, Object>>>>load(
                        Files.readString(Path.of("..", "docs", "openapi.yaml")))
                .get("paths");
        paths.forEach((path, operations) ->
                operations.keySet().forEach(method -> described.add(method.toUpperCase() + " " + path)));

        Set<String> agreed = new TreeSet<>(ADMITTED.keySet());
        agreed.addAll(SIGNED);
        assertThat(agreed).containsAll(described);
    }

    static Stream<Arguments> everySignedEndpointAndCaller() {
        return SIGNED.stream().flatMap(endpoint -> Stream.of(Caller.values()).map(c -> Arguments.of(endpoint, c)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everySignedEndpointAndCaller")
    void aWebhookWithoutItsSignatureIsRefusedWhateverKeyComesWithIt(String endpoint, Caller caller) {
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);

        SliceClient.Answer answer = new SliceClient(mvc, caller.key).send("POST", path, "{}");

        assertThat(answer.status()).as(endpoint + " as " + caller).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }
}
