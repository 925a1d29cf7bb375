package io.nurture.processes;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The steps where a process waits for a person at the shop: what the staff inbox lists. Each names
 * the model element that waits, and its deadline is read from that model (the timer that ends the
 * wait), so an analyst who changes the timer in the Modeler changes the inbox's deadline too.
 */
public enum StaffWait {
    /** A risky order held for manual review; declined when the review period's timer fires. */
    ORDER_REVIEW("order-fulfillment.bpmn", "ReviewDecidedEvent"),
    /** A return the eligibility table sent to staff; approved when nobody answers in time. */
    RETURN_REVIEW("order-return.bpmn", "StaffReviewTask"),
    /** A returned parcel waiting to be inspected. */
    RETURN_INSPECTION("order-return.bpmn", "InspectParcelTask"),
    /** A detractor's care case; the service-recovery journey waits until staff resolve it. */
    CARE_CASE("post-purchase.bpmn", "WaitForCareCaseResolutionTask"),
    /**
     * Money owed back by bank transfer (an invoice order's refund): no process waits for it, the
     * ledger does, until staff record the transfer.
     */
    REFUND_OWED(null, null);

    private final String model;
    private final String elementId;
    private volatile Optional<Duration> timeLimit;

    StaffWait(String model, String elementId) {
        this.model = model;
        this.elementId = elementId;
    }

    /** The BPMN resource whose wait this is; empty for a wait only the ledger has. */
    Optional<String> model() {
        return Optional.ofNullable(model);
    }

    /** How long after the wait begins the process stops waiting on its own; empty when it waits for good. */
    public Optional<Duration> timeLimit() {
        if (timeLimit == null) {
            timeLimit = model == null ? Optional.empty() : readTimeLimit();
        }
        return timeLimit;
    }

    private Optional<Duration> readTimeLimit() {
        BpmnModelInstance bpmn = read(model);
        FlowNode waiting = Objects.requireNonNull(
                bpmn.getModelElementById(elementId), () -> elementId + " is no longer in " + model);
        return Stream.concat(boundaryTimers(bpmn, waiting), raceTimers(waiting))
                .map(timer -> timer.getTimeDuration().getTextContent().strip())
                .map(Duration::parse)
                .findFirst();
    }

    /** Interrupting timers on the waiting task: when they fire, the wait is over. */
    private static Stream<TimerEventDefinition> boundaryTimers(BpmnModelInstance bpmn, FlowNode waiting) {
        return bpmn.getModelElementsByType(BoundaryEvent.class).stream()
                .filter(boundary -> boundary.getAttachedTo() == waiting && boundary.cancelActivity())
                .flatMap(boundary -> boundary.getEventDefinitions().stream())
                .filter(TimerEventDefinition.class::isInstance)
                .map(TimerEventDefinition.class::cast);
    }

    /** Timers racing the waiting message after the same event-based gateway. */
    private static Stream<TimerEventDefinition> raceTimers(FlowNode waiting) {
        return waiting.getPreviousNodes().filterByType(EventBasedGateway.class).list().stream()
                .flatMap(gateway ->
                        gateway.getSucceedingNodes().filterByType(IntermediateCatchEvent.class).list().stream())
                .flatMap(event -> event.getEventDefinitions().stream())
                .filter(TimerEventDefinition.class::isInstance)
                .map(TimerEventDefinition.class::cast);
    }

    private static BpmnModelInstance read(String resource) {
        try (InputStream in = StaffWait.class.getClassLoader().getResourceAsStream(resource)) {
            return Bpmn.readModelFromStream(Objects.requireNonNull(in, resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
