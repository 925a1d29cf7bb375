package io.nurture.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.nurture.processes.testing.InMemoryEngines;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh in-memory Zeebe engine per test with a process's models deployed, plus the moves a process test
 * makes: complete a job, publish a message, move time, and read back what the engine did. Jobs are
 * completed by the test itself, so these tests pin down the model, not the workers.
 */
public final class EmbeddedProcessEngine implements BeforeEachCallback, AfterEachCallback {

    private static final Duration IDLE_WAIT = Duration.ofSeconds(10);
    private static final int JOB_ATTEMPTS = 50;

    private final List<String> resources;
    private ZeebeTestEngine engine;
    private CamundaClient client;
    private Duration moved = Duration.ZERO;

    /**
     * One process's model and what it calls (processes and decisions, followed through). Parsing a
     * model is most of a deployment's cost, and each test deploys afresh: the process tests spent
     * 0.3 to 0.5 s of CPU a test deploying all of them.
     */
    public EmbeddedProcessEngine(String processId) {
        this.resources = ModelsCalled.by(processId);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        engine = InMemoryEngines.create();
        engine.start();
        client = CamundaClient.newClientBuilder()
                .grpcAddress(URI.create("http://" + engine.getGatewayAddress()))
                .preferRestOverGrpc(false)
                .build();
        var deployment = client.newDeployResourceCommand().addResourceFromClasspath(resources.get(0));
        resources.stream().skip(1).forEach(deployment::addResourceFromClasspath);
        deployment.send().join();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        client.close();
        engine.stop();
    }

    public CamundaClient client() {
        return client;
    }

    /** Deploys a changed model; answers the key of the new process definition version. */
    public long deploy(String resourceName, String xml) {
        long key = client.newDeployResourceCommand()
                .addResourceStringUtf8(xml, resourceName)
                .send()
                .join()
                .getProcesses()
                .get(0)
                .getProcessDefinitionKey();
        idle();
        return key;
    }

    /** The process definition (version) an instance runs on. */
    public long definitionOf(long processInstanceKey) {
        return records(processInstanceKey)
                .filter(r -> r.getValue().getBpmnElementType() == BpmnElementType.PROCESS)
                .findFirst()
                .orElseThrow()
                .getValue()
                .getProcessDefinitionKey();
    }

    /** Places an order as Nurture does (the OrderPlaced message); answers the instance it started. */
    public long startOrder(Map<String, Object> variables) {
        placeOrder(variables);
        List<Long> instances = instancesOf(OrderFulfillment.PROCESS_ID);
        return instances.get(instances.size() - 1);
    }

    /** Publishes OrderPlaced for the order in the variables, with the message id Nurture gives it. */
    public void placeOrder(Map<String, Object> variables) {
        String orderId = (String) variables.get(OrderFulfillment.Variable.ORDER_ID);
        client.newPublishMessageCommand()
                .messageName(OrderFulfillment.Message.ORDER_PLACED)
                .correlationKey(orderId)
                .messageId("order-placed-" + orderId)
                .timeToLive(Duration.ofHours(1))
                .variables(variables)
                .send()
                .join();
        idle();
    }

    /** Publishes a message that starts a process; TTL zero, so a start the engine refuses is dropped. */
    public void publishStart(String messageName, String correlationKey, Map<String, Object> variables) {
        client.newPublishMessageCommand()
                .messageName(messageName)
                .correlationKey(correlationKey)
                .timeToLive(Duration.ZERO)
                .variables(variables)
                .send()
                .join();
        idle();
    }

    /** Keys of the instances of a process, oldest first. */
    public List<Long> instancesOf(String processId) {
        return StreamSupport.stream(recordStream().processInstanceRecords().spliterator(), false)
                .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
                .filter(r -> r.getValue().getBpmnElementType() == BpmnElementType.PROCESS)
                .filter(r -> r.getValue().getBpmnProcessId().equals(processId))
                .map(r -> r.getValue().getProcessInstanceKey())
                .toList();
    }

    public ActivatedJob completeJob(String jobType, Map<String, Object> variables) {
        ActivatedJob job = activate(jobType);
        client.newCompleteCommand(job).variables(variables).send().join();
        idle();
        return job;
    }

    public void throwError(String jobType, String errorCode) {
        throwError(jobType, errorCode, Map.of());
    }

    public void throwError(String jobType, String errorCode, Map<String, Object> variables) {
        client.newThrowErrorCommand(activate(jobType))
                .errorCode(errorCode)
                .variables(variables)
                .send()
                .join();
        idle();
    }

    public void failJobForGood(String jobType, String message) {
        client.newFailCommand(activate(jobType))
                .retries(0)
                .errorMessage(message)
                .send()
                .join();
        idle();
    }

    public void publish(String messageName, String correlationKey, Map<String, Object> variables) {
        client.newPublishMessageCommand()
                .messageName(messageName)
                .correlationKey(correlationKey)
                .variables(variables)
                .send()
                .join();
        idle();
    }

    public void increaseTime(Duration duration) {
        engine.increaseTime(duration);
        moved = moved.plus(duration);
        idle();
    }

    /** The engine's time: the wall clock plus every move so far, as an ISO-8601 instant. */
    public String now() {
        return Instant.now().plus(moved).toString();
    }

    /** The engine's time that long ago, as an ISO-8601 instant. */
    public String ago(Duration duration) {
        return Instant.now().plus(moved).minus(duration).toString();
    }

    public List<String> completedElements(long processInstanceKey) {
        return elementIds(processInstanceKey, ProcessInstanceIntent.ELEMENT_COMPLETED);
    }

    /** Elements the instance entered, including error end events, which never complete. */
    public List<String> reachedElements(long processInstanceKey) {
        return elementIds(processInstanceKey, ProcessInstanceIntent.ELEMENT_ACTIVATED);
    }

    public List<String> activeElements(long processInstanceKey) {
        List<String> activated = elementIds(processInstanceKey, ProcessInstanceIntent.ELEMENT_ACTIVATED);
        List<String> finished =
                new ArrayList<>(elementIds(processInstanceKey, ProcessInstanceIntent.ELEMENT_COMPLETED));
        finished.addAll(elementIds(processInstanceKey, ProcessInstanceIntent.ELEMENT_TERMINATED));
        List<String> active = new ArrayList<>(activated);
        finished.forEach(active::remove);
        return active;
    }

    public boolean isCompleted(long processInstanceKey) {
        return records(processInstanceKey)
                .anyMatch(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                        && r.getValue().getBpmnElementType() == BpmnElementType.PROCESS);
    }

    public List<String> incidentElements(long processInstanceKey) {
        return StreamSupport.stream(recordStream().incidentRecords().spliterator(), false)
                .filter(r -> r.getIntent() == IncidentIntent.CREATED)
                .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
                .map(r -> r.getValue().getElementId())
                .toList();
    }

    /** The latest value the instance holds for a variable, as JSON text. */
    public String variable(long processInstanceKey, String name) {
        return StreamSupport.stream(recordStream().variableRecords().spliterator(), false)
                .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
                .filter(r -> r.getValue().getName().equals(name))
                .reduce((first, second) -> second)
                .map(r -> r.getValue().getValue())
                .orElse(null);
    }

    public void assertCompletedInOrder(long processInstanceKey, String... elementIds) {
        assertThat(completedElements(processInstanceKey)).containsSubsequence(elementIds);
    }

    private ActivatedJob activate(String jobType) {
        for (int attempt = 0; attempt < JOB_ATTEMPTS; attempt++) {
            List<ActivatedJob> jobs = client.newActivateJobsCommand()
                    .jobType(jobType)
                    .maxJobsToActivate(1)
                    .timeout(Duration.ofMinutes(1))
                    .requestTimeout(Duration.ofMillis(200))
                    .send()
                    .join()
                    .getJobs();
            if (!jobs.isEmpty()) {
                return jobs.get(0);
            }
            idle();
        }
        throw new AssertionError("no job of type '" + jobType + "' became available");
    }

    private List<String> elementIds(long processInstanceKey, ProcessInstanceIntent intent) {
        return records(processInstanceKey)
                .filter(r -> r.getIntent() == intent)
                .map(r -> r.getValue().getElementId())
                .toList();
    }

    private Stream<Record<ProcessInstanceRecordValue>> records(long processInstanceKey) {
        return StreamSupport.stream(recordStream().processInstanceRecords().spliterator(), false)
                .filter(r -> Objects.equals(r.getValue().getProcessInstanceKey(), processInstanceKey));
    }

    private RecordStream recordStream() {
        return RecordStream.of(engine.getRecordStreamSource());
    }

    private void idle() {
        try {
            engine.waitForIdleState(IDLE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("engine did not become idle", e);
        }
    }
}
