package io.nurture.reliability;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.testing.EngineBackPressure;
import io.nurture.testing.EngineRecords;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testkit.NurtureClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine answers RESOURCE_EXHAUSTED (back-pressure) when an order's start is published. The
 * shop's request does not wait for the engine: the order is accepted, and its start is retried
 * from the outbox until the engine takes it, once.
 */
@InjectedFault(
        id = 8,
        fault = "the engine pushes back",
        injected = "a gRPC client interceptor answers RESOURCE_EXHAUSTED to the first publishes of an order's start",
        holds = "the order is accepted at once and ships with one process instance")
@NurtureIntegrationTest
class EngineBackPressureJourneyIntegrationTest {

    @Autowired
    EngineBackPressure backPressure;

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Autowired
    EngineRecords engineRecords;

    @Test
    void orderPlacedUnderBackPressureIsAcceptedAndStartsOnceTheEngineTakesIt() {
        Map<String, Object> order = shop.order(newCustomerEmail(), "TEA-SENCHA-100", 1, card("tok_visa"));
        backPressure.refuseNext("PublishMessage", 3);

        NurtureClient.Answer placed =
                api.post("/api/orders", order, Map.of("Idempotency-Key", "busy-" + UUID.randomUUID()));

        assertThat(placed.status()).isEqualTo(201);
        shop.awaitStatus(placed.text("orderId"), "SHIPPED");
        assertThat(backPressure.refusedCalls("PublishMessage")).isEqualTo(3);
        assertThat(engineRecords.fulfillmentInstancesOf(placed.text("orderId"))).isEqualTo(1);
    }
}
