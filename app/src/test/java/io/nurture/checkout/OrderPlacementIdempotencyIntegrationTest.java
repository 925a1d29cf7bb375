package io.nurture.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.nurture.order.Order;
import io.nurture.order.PaymentMethod;
import io.nurture.processes.OrderFulfillment;
import io.nurture.reliability.InjectedFault;
import io.nurture.testing.NurtureIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Idempotency-Key's last line of defence: a request whose lookup missed an order that another
 * request with the same key committed a moment later (the lookup is skipped here, so the case is
 * deterministic). Shares the journey tests' running app.
 */
@NurtureIntegrationTest
@InjectedFault(
        id = 6,
        fault = "a retry finds the key committed just before",
        injected = "a second placement with a committed key, its lookup skipped",
        holds = "the first order is answered; no second process starts")
class OrderPlacementIdempotencyIntegrationTest {

    @Autowired
    OrderPlacement placement;

    @Autowired
    ZeebeTestEngine engine;

    @Autowired
    JdbcClient db;

    @Test
    void placingAgainWithACommittedKeyAnswersTheEarlierOrderAndStartsNoProcess() {
        PlaceOrder request = cardOrder("customer-" + UUID.randomUUID() + "@example.com");
        String key = "committed-" + UUID.randomUUID();
        String fingerprint = "fingerprint-" + key;
        Order first = placement.place(request, key, fingerprint);

        Order second = placement.place(request, key, fingerprint);

        assertThat(second.getId()).isEqualTo(first.getId());
        // First the cheap look (the start left the outbox), then the record stream, whose scan grows
        // with every record the shared engine holds: polled often, it missed a 30-second deadline on
        // a busy machine once the suite had filled the engine.
        await().atMost(Duration.ofMinutes(2))
                .until(() -> db.sql("SELECT COUNT(*) FROM engine_messages WHERE correlation_key = ?")
                                .param(first.getId())
                                .query(Long.class)
                                .single()
                        == 0);
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> fulfillmentProcessesOf(first.getId()) == 1);
        assertThat(fulfillmentProcessesOf(first.getId())).isEqualTo(1);
        assertThat(db.sql("SELECT COUNT(*) FROM orders WHERE customer_id = ?")
                        .param(first.getCustomerId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(db.sql("SELECT order_id FROM idempotency_keys WHERE idempotency_key = ?")
                        .param(key)
                        .query(String.class)
                        .single())
                .isEqualTo(first.getId());
    }

    private long fulfillmentProcessesOf(String orderId) {
        List<Record<?>> records = new ArrayList<>();
        engine.getRecordStreamSource().getRecords().forEach(records::add);
        RecordStream stream = RecordStream.of(() -> records);
        String json = "\"" + orderId + "\"";
        var instances = StreamSupport.stream(stream.variableRecords().spliterator(), false)
                .filter(r -> r.getValue().getName().equals(OrderFulfillment.Variable.ORDER_ID)
                        && r.getValue().getValue().equals(json))
                .map(r -> r.getValue().getProcessInstanceKey())
                .toList();
        return StreamSupport.stream(stream.processInstanceRecords().spliterator(), false)
                .filter(record -> record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
                .map(Record::getValue)
                .filter(value -> value.getBpmnElementType() == BpmnElementType.PROCESS)
                .filter(value -> value.getBpmnProcessId().equals(OrderFulfillment.PROCESS_ID))
                .filter(value -> instances.contains(value.getProcessInstanceKey()))
                .count();
    }

    private static PlaceOrder cardOrder(String email) {
        return new PlaceOrder(
                new PlaceOrder.Customer(email, "Ada Lovelace", null, null, null),
                List.of(new PlaceOrder.Line("TEA-SENCHA-100", 1)),
                new PlaceOrder.Payment(PaymentMethod.CARD, "tok_visa"),
                new PlaceOrder.Address("1 Main St", "Berlin", "10115", "DE"),
                "DE",
                null,
                null);
    }
}
