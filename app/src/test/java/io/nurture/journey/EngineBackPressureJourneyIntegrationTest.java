package io.nurture.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.reliability.InjectedFault;
import io.nurture.testkit.NurtureClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

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
class EngineBackPressureJourneyIntegrationTest extends JourneyTest {

    @Test
    void orderPlacedUnderBackPressureIsAcceptedAndStartsOnceTheEngineTakesIt() {
        Map<String, Object> order = order(newCustomerEmail(), "TEA-SENCHA-100", 1, card("tok_visa"));
        backPressure.refuseNext("PublishMessage", 3);

        NurtureClient.Answer placed =
                api.post("/api/orders", order, Map.of("Idempotency-Key", "busy-" + UUID.randomUUID()));

        assertThat(placed.status()).isEqualTo(201);
        awaitStatus(placed.text("orderId"), "SHIPPED");
        assertThat(backPressure.refusedCalls("PublishMessage")).isEqualTo(3);
        assertThat(fulfillmentInstancesOf(placed.text("orderId"))).isEqualTo(1);
    }
}
