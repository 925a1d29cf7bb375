package io.nurture.testing;

import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.nurture.processes.OrderFulfillment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the in-memory engine recorded: where instances wait, their incidents, how many were started. */
public final class EngineRecords {

    private final ZeebeTestEngine engine;
    private final JdbcClient db;
    private final Set<Long> openRoots = new HashSet<>();
    private int rootsReadUpTo;

    EngineRecords(ZeebeTestEngine engine, JdbcClient db) {
        this.engine = engine;
        this.db = db;
    }

    /**
     * The engine's records so far, copied once: reading the live stream again while iterating it
     * appends to the list being iterated.
     */
    public RecordStream snapshot() {
        List<Record<?>> copy = copy();
        return RecordStream.of(() -> copy);
    }

    private List<Record<?>> copy() {
        List<Record<?>> copy = new ArrayList<>();
        engine.getRecordStreamSource().getRecords().forEach(copy::add);
        return copy;
    }

    /** The process instances holding the id in one of the named variables. */
    public static Set<Long> instancesWith(RecordStream records, String id, String... variableNames) {
        String json = "\"" + id + "\"";
        Set<String> names = Set.of(variableNames);
        return StreamSupport.stream(records.variableRecords().spliterator(), false)
                .filter(r -> names.contains(r.getValue().getName())
                        && r.getValue().getValue().equals(json))
                .map(r -> r.getValue().getProcessInstanceKey())
                .collect(Collectors.toSet());
    }

    /**
     * Waits until a process instance of this order, customer or cart (by its orderId, customerId
     * or cartId variable) is waiting at the element. A timer only starts when its element is reached, so a
     * test moves the clock only once the engine got there.
     */
    public void awaitWaitingAt(String id, String elementId) {
        await().atMost(Shop.PATIENCE).until(() -> isWaitingAt(id, elementId));
    }

    /** Whether a process instance of this order, customer or cart is waiting at the element now. */
    public boolean isWaitingAt(String id, String elementId) {
        return openElements(id, elementId) > 0;
    }

    private long openElements(String id, String elementId) {
        RecordStream records = snapshot();
        Set<Long> instances = instancesWith(records, id, "orderId", "customerId", "cartId");
        Map<Long, Integer> open = new HashMap<>();
        StreamSupport.stream(records.processInstanceRecords().spliterator(), false)
                .filter(r -> instances.contains(r.getValue().getProcessInstanceKey()))
                .filter(r -> r.getValue().getElementId().equals(elementId))
                .forEach(r -> {
                    if (r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
                        open.merge(r.getKey(), 1, Integer::sum);
                    } else if (ends(r.getIntent())) {
                        open.merge(r.getKey(), -1, Integer::sum);
                    }
                });
        return open.values().stream().filter(count -> count > 0).count();
    }

    /** Whether a process instance of the model, holding the id in its cartId or customerId variable, has ended. */
    public boolean processEnded(String id, String processId) {
        RecordStream records = snapshot();
        Set<Long> instances = instancesWith(records, id, "cartId", "customerId");
        return StreamSupport.stream(records.processInstanceRecords().spliterator(), false)
                .filter(r -> instances.contains(r.getValue().getProcessInstanceKey()))
                .filter(r -> r.getValue().getElementId().equals(processId))
                .anyMatch(r -> ends(r.getIntent()));
    }

    /**
     * The processes (BPMN ids) of the instances holding the id in their orderId, customerId or cartId
     * variable that went through the element.
     */
    public Set<String> processesThrough(String id, String elementId) {
        RecordStream records = snapshot();
        Set<Long> instances = instancesWith(records, id, "orderId", "customerId", "cartId");
        return StreamSupport.stream(records.processInstanceRecords().spliterator(), false)
                .filter(r -> instances.contains(r.getValue().getProcessInstanceKey()))
                .filter(r -> r.getValue().getElementId().equals(elementId))
                .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
                .map(r -> r.getValue().getBpmnProcessId())
                .collect(Collectors.toSet());
    }

    /**
     * The process instances started from outside (not called by another) that have not ended. Reads
     * only the records written since the last call: it runs after every test class.
     */
    public synchronized Set<Long> openRootInstances() {
        List<Record<?>> records = copy();
        for (Record<?> record : records.subList(rootsReadUpTo, records.size())) {
            if (record.getValueType() == ValueType.PROCESS_INSTANCE && record.getRecordType() == RecordType.EVENT) {
                follow(record.getIntent(), record.getKey(), (ProcessInstanceRecordValue) record.getValue());
            }
        }
        rootsReadUpTo = records.size();
        return Set.copyOf(openRoots);
    }

    private void follow(Intent intent, long key, ProcessInstanceRecordValue instance) {
        if (instance.getBpmnElementType() != BpmnElementType.PROCESS || instance.getParentProcessInstanceKey() > 0) {
            return;
        }
        if (intent == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
            openRoots.add(key);
        } else if (ends(intent)) {
            openRoots.remove(key);
        }
    }

    /** An element (or a whole instance) is over once it completed or was terminated. */
    private static boolean ends(Intent intent) {
        return intent == ProcessInstanceIntent.ELEMENT_COMPLETED || intent == ProcessInstanceIntent.ELEMENT_TERMINATED;
    }

    /** The first incident the engine raised in the order's process instance. */
    public Record<IncidentRecordValue> awaitIncident(String orderId) {
        return await().atMost(Shop.PATIENCE)
                .until(() -> incidentFor(orderId), Optional::isPresent)
                .orElseThrow();
    }

    private Optional<Record<IncidentRecordValue>> incidentFor(String orderId) {
        RecordStream records = snapshot();
        Set<Long> instances = instancesWith(records, orderId, "orderId");
        return StreamSupport.stream(records.incidentRecords().spliterator(), false)
                .filter(r -> r.getIntent() == IncidentIntent.CREATED)
                .filter(r -> instances.contains(r.getValue().getProcessInstanceKey()))
                .findFirst();
    }

    /** How many order-fulfillment instances the engine started for the order. */
    public long fulfillmentInstancesOf(String orderId) {
        return fulfillmentInstancesOf(snapshot(), orderId);
    }

    public static long fulfillmentInstancesOf(RecordStream records, String orderId) {
        Set<Long> instances = instancesWith(records, orderId, "orderId");
        return StreamSupport.stream(records.processInstanceRecords().spliterator(), false)
                .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
                .filter(r -> r.getValue().getBpmnElementType() == BpmnElementType.PROCESS)
                .filter(r -> r.getValue().getBpmnProcessId().equals(OrderFulfillment.PROCESS_ID))
                .filter(r -> instances.contains(r.getValue().getProcessInstanceKey()))
                .count();
    }

    /** Where the engine has the order, and what the outbox still holds for it: a stuck test says why. */
    String whereItIs(String orderId) {
        RecordStream records = snapshot();
        Set<Long> instances = instancesWith(records, orderId, "orderId");
        List<String> jobs = StreamSupport.stream(records.jobRecords().spliterator(), false)
                .filter(r -> instances.contains(r.getValue().getProcessInstanceKey()))
                .map(r -> r.getValue().getType() + ":" + r.getIntent()
                        + (r.getRecordType() == RecordType.EVENT ? "" : "/" + r.getRecordType()))
                .toList();
        List<String> messages = StreamSupport.stream(records.messageRecords().spliterator(), false)
                .filter(r -> orderId.equals(r.getValue().getCorrelationKey()))
                .map(r -> r.getValue().getName() + ":" + r.getIntent() + "/" + r.getRecordType())
                .toList();
        List<String> subscriptions = StreamSupport.stream(
                        records.messageSubscriptionRecords().spliterator(), false)
                .filter(r -> orderId.equals(r.getValue().getCorrelationKey()))
                .map(r -> r.getValue().getMessageName() + ":" + r.getIntent())
                .toList();
        List<String> outbox = db.sql(
                        "SELECT CONCAT(message_name, ' ', delivery, ' attempts=', attempts, ' due=', next_attempt_at, ' retry=', COALESCE(retry_at, '-'))"
                                + " FROM engine_messages WHERE correlation_key = ?")
                .param(orderId)
                .query(String.class)
                .list();
        return "instances " + instances + ", jobs " + jobs + ", messages " + messages + ", subscriptions "
                + subscriptions + ", engine outbox " + outbox;
    }
}
