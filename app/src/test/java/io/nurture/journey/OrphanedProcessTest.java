package io.nurture.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.nurture.processes.OrderFulfillment;
import io.nurture.processes.OrderFulfillment.Variable;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The intake starts an order's process just before it commits the order. When Nurture dies in
 * between (ClusterTest kills an instance mid-burst and saw exactly this), the process runs for an
 * order that was never stored. It must end quietly, not leave ops an incident about an order that
 * no one has.
 */
class OrphanedProcessTest extends JourneyTest {

    @Autowired
    CamundaClient camunda;

    @Test
    void processOfAnOrderThatWasNeverStoredIsCancelledWithoutAnIncident() {
        String neverStored = UUID.randomUUID().toString();

        long instance = camunda.newCreateInstanceCommand()
                .bpmnProcessId(OrderFulfillment.PROCESS_ID)
                .latestVersion()
                .variables(Map.of(Variable.ORDER_ID, neverStored, Variable.CUSTOMER_ID, UUID.randomUUID().toString(),
                        Variable.ORDER_TOTAL, new BigDecimal("12.50"), Variable.PAYMENT_METHOD, "CARD",
                        Variable.FIRST_ORDER, false, Variable.COUNTRY_MISMATCH, false))
                .send().join().getProcessInstanceKey();

        await().atMost(PATIENCE).until(() -> terminated(instance));
        assertThat(incidentsIn(instance)).isZero();
    }

    private boolean terminated(long instance) {
        return StreamSupport.stream(snapshot().processInstanceRecords().spliterator(), false)
                .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED)
                .anyMatch(r -> r.getValue().getBpmnElementType() == BpmnElementType.PROCESS
                        && r.getValue().getProcessInstanceKey() == instance);
    }

    private long incidentsIn(long instance) {
        return StreamSupport.stream(snapshot().incidentRecords().spliterator(), false)
                .filter(r -> r.getIntent() == IncidentIntent.CREATED)
                .map(Record::getValue)
                .filter(incident -> incident.getProcessInstanceKey() == instance)
                .count();
    }
}
