package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.runtime.RuntimeDefaults;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testkit.NurtureClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The key filter and the actuator through the whole app: unknown and missing keys, what health
 * tells the world, metrics for staff. Which role may call which endpoint is checked for every
 * endpoint on the web slice ({@code EndpointRolesTest}).
 */
@NurtureIntegrationTest
class EndpointSecurityIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void unknownKeyIsRefusedEvenWherePublic() {
        NurtureClient.Answer answer = new NurtureClient(port, "guessed-key").get("/actuator/health");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.text("type")).endsWith("/unknown-api-key");
        assertThat(answer.challenge()).contains("X-API-Key");
    }

    @Test
    void aUrlTheFirewallRejectsIsAProblemNamingTheRequest() {
        NurtureClient.Answer answer =
                new NurtureClient(port, RuntimeDefaults.DEV_STAFF_KEY).get("/api/inventory/TEA%25SENCHA");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("errors").findValuesAsText("field")).containsExactly("request");
        assertThat(answer.text("instance")).isEqualTo("/api/inventory/TEA%25SENCHA");
    }

    @Test
    void theShopMayNotDecideAReview() {
        NurtureClient.Answer answer = new NurtureClient(port, RuntimeDefaults.DEV_INTEGRATION_KEY)
                .post("/api/orders/ORD-1/review", Map.of("approved", true));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void missingKeyIsAskedForByName() {
        NurtureClient.Answer answer = new NurtureClient(port, null).get("/api/orders/ORD-1");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.text("detail")).contains("X-API-Key");
        assertThat(answer.challenge()).startsWith("ApiKey");
    }

    @Test
    void healthTellsTheWorldOnlyWhetherNurtureIsUp() {
        NurtureClient.Answer anonymous = new NurtureClient(port, null).get("/actuator/health");
        NurtureClient.Answer staff = new NurtureClient(port, RuntimeDefaults.DEV_STAFF_KEY).get("/actuator/health");

        assertThat(anonymous.text("status")).isEqualTo("UP");
        assertThat(anonymous.body().has("components")).isFalse();
        assertThat(staff.body().path("components").has("db")).isTrue();
    }

    @Test
    void staffReadsPrometheusMetrics() {
        NurtureClient staff = new NurtureClient(port, RuntimeDefaults.DEV_STAFF_KEY);

        NurtureClient.Answer metrics = staff.get("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
    }
}
