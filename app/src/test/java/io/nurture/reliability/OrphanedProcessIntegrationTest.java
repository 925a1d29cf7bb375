package io.nurture.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.nurture.processes.OrderFulfillment;
import io.nurture.processes.OrderFulfillment.Variable;
import io.nurture.testing.EngineRecords;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Nurture itself starts an order's process only after the order committed (engine outbox), but an
 * operator can still start one by hand (Modeler's "start instance", zbctl) with an order id that
 * was never stored. It must end quietly, not leave ops an incident about an order that no one has.
 */
@InjectedFault(
        id = 18,
        fault = "a process whose order was never stored",
        injected = "an order-fulfillment instance started for an order id the database does not have",
        holds = "its first step cancels the instance before any other step runs; no incident (the step waits out"
                + " nurture.jobs.commit-wait first, 0 in tests: see application-test.yaml)")
@NurtureIntegrationTest
class OrphanedProcessIntegrationTest {

    @Autowired
    EngineRecords engineRecords;

    @Autowired
    CamundaClient camunda;

    @Test
    void processOfAnOrderThatWasNeverStoredIsCancelledWithoutAnIncident() {
        String neverStored = UUID.randomUUID().toString();

        camunda.newPublishMessageCommand()
                .messageName(OrderFulfillment.Message.ORDER_PLACED)
                .correlationKey(neverStored)
                .variables(Map.of(
                        Variable.ORDER_ID,
                        neverStored,
                        Variable.CUSTOMER_ID,
                        UUID.randomUUID().toString(),
                        Variable.ORDER_TOTAL,
                        new BigDecimal("12.50"),
                        Variable.PAYMENT_METHOD,
                        "CARD",
                        Variable.FIRST_ORDER,
                        false,
                        Variable.COUNTRY_MISMATCH,
                        false))
                .send()
                .join();
        long instance = await().atMost(Shop.PATIENCE)
                .until(
                        () -> EngineRecords.instancesWith(engineRecords.snapshot(), neverStored, Variable.ORDER_ID),
                        found -> !found.isEmpty())
                .iterator()
                .next();

        await().atMost(Shop.PATIENCE).until(() -> terminated(instance));
        assertThat(incidentsIn(instance)).isZero();
        assertThat(jobsCreatedIn(instance)).as("steps started").isEqualTo(1);
    }

    private long jobsCreatedIn(long instance) {
        return StreamSupport.stream(engineRecords.snapshot().jobRecords().spliterator(), false)
                .filter(r -> r.getIntent() == JobIntent.CREATED)
                .filter(r -> r.getValue().getProcessInstanceKey() == instance)
                .count();
    }

    private boolean terminated(long instance) {
        return StreamSupport.stream(
                        engineRecords.snapshot().processInstanceRecords().spliterator(), false)
                .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED)
                .anyMatch(r -> r.getValue().getBpmnElementType() == BpmnElementType.PROCESS
                        && r.getValue().getProcessInstanceKey() == instance);
    }

    private long incidentsIn(long instance) {
        return StreamSupport.stream(engineRecords.snapshot().incidentRecords().spliterator(), false)
                .filter(r -> r.getIntent() == IncidentIntent.CREATED)
                .map(Record::getValue)
                .filter(incident -> incident.getProcessInstanceKey() == instance)
                .count();
    }
}
