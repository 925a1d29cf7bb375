package io.nurture.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine answers RESOURCE_EXHAUSTED (back-pressure) at the moment an order arrives. */
class EngineBackPressureJourneyTest extends JourneyTest {

    @Autowired
    EngineBackPressure backPressure;

    @AfterEach
    void calm() {
        backPressure.reset();
    }

    @Test
    void orderRefusedUnderBackPressureIs503WithNothingStoredAndSucceedsOnRetry() {
        String email = newCustomerEmail();
        Map<String, Object> order = order(email, "TEA-SENCHA-100", 1, card("tok_visa"));
        Map<String, String> key = Map.of("Idempotency-Key", "busy-" + UUID.randomUUID());
        backPressure.refuseNext("CreateProcessInstance", 1);

        NurtureClient.Answer busy = api.post("/api/orders", order, key);
        long storedWhileBusy = db.sql("SELECT COUNT(*) FROM customers WHERE email = ?").param(email).query(Long.class).single();
        NurtureClient.Answer retried = api.post("/api/orders", order, key);

        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.text("type")).endsWith("/engine-unavailable");
        assertThat(storedWhileBusy).isZero();
        assertThat(retried.status()).isEqualTo(201);
        awaitStatus(retried.text("orderId"), "SHIPPED");
        assertThat(fulfillmentInstancesOf(retried.text("orderId"))).isEqualTo(1);
    }
}
