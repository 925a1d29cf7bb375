package io.nurture.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Nurture in cluster mode with the cluster down (its gateway address refuses connections): an
 * order is answered 503 and nothing of it is stored, so the shop can simply retry later.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nurture.engine.mode=cluster",
        "camunda.client.mode=self-managed",
        "camunda.client.grpc-address=http://localhost:9",
        "camunda.client.rest-address=http://localhost:9",
        "camunda.client.prefer-rest-over-grpc=false",
        "camunda.client.deployment.enabled=false",
        "camunda.client.worker.defaults.enabled=false"})
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EngineUnreachableTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    @Test
    void orderPlacedWhileTheEngineIsDownIsRefusedWith503AndNothingIsStored() {
        String email = JourneyTest.newCustomerEmail();
        Map<String, Object> order = JourneyTest.order(email, "TEA-SENCHA-100", 1, JourneyTest.card("tok_visa"));

        NurtureClient.Answer answer = new NurtureClient(port).post("/api/orders", order,
                Map.of("Idempotency-Key", "engine-down-" + email));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.text("type")).endsWith("/engine-unavailable");
        assertThat(count("SELECT COUNT(*) FROM customers WHERE email = ?", email)).isZero();
        assertThat(count("SELECT COUNT(*) FROM idempotency_keys WHERE idempotency_key = ?", "engine-down-" + email)).isZero();
        assertThat(db.sql("SELECT COUNT(*) FROM orders").query(Long.class).single()).isZero();
    }

    private long count(String sql, String parameter) {
        return db.sql(sql).param(parameter).query(Long.class).single();
    }
}
