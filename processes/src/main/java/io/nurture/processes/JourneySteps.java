package io.nurture.processes;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperties;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The steps of a customer journey in the order its model walks them: each task an analyst marks
 * with the extension property {@value #PROPERTY} (its value names the step as the engagement log
 * records it), from the start event along the flows, boundary events included, an embedded
 * sub-process walked whole (its inside before its boundary events) where the flow enters it; the
 * contact policy's check before a message counts as part of its step.
 */
public final class JourneySteps {

    public static final String PROPERTY = "journeyStep";
    public static final List<String> JOURNEYS = List.of(
            PostPurchase.PROCESS_ID,
            CustomerRetention.PROCESS_ID,
            AbandonedCheckout.PROCESS_ID,
            WelcomeSeries.PROCESS_ID,
            BrowseAbandonment.PROCESS_ID);
    /** Read once: the models ship inside the jar and do not change while it runs. */
    private static final Map<String, List<String>> STEPS =
            JOURNEYS.stream().collect(Collectors.toUnmodifiableMap(Function.identity(), JourneySteps::walk));

    private JourneySteps() {}

    /** Empty when no journey has this process id. */
    public static Optional<List<String>> of(String journey) {
        return Optional.ofNullable(STEPS.get(journey));
    }

    private static List<String> walk(String journey) {
        BpmnModelInstance model = read(journey + ".bpmn");
        Process process = model.getModelElementById(journey);
        Set<String> steps = new LinkedHashSet<>();
        walk(model, process.getChildElementsByType(StartEvent.class), steps);
        return List.copyOf(steps);
    }

    /** Walks one scope: the process, or an embedded sub-process, walked whole where the flow enters it. */
    private static void walk(BpmnModelInstance model, Collection<StartEvent> starts, Set<String> steps) {
        Set<FlowNode> seen = new LinkedHashSet<>();
        Deque<FlowNode> next = new ArrayDeque<>(starts);
        while (!next.isEmpty()) {
            FlowNode node = next.poll();
            if (!seen.add(node)) {
                continue;
            }
            step(node).ifPresent(steps::add);
            if (node instanceof SubProcess subProcess) {
                walk(model, subProcess.getChildElementsByType(StartEvent.class), steps);
            }
            if (node instanceof CallActivity) {
                // "Check contact policy" belongs to the message after it: it must not push that step behind its
                // siblings.
                node.getOutgoing().stream().map(SequenceFlow::getTarget).forEach(next::addFirst);
            } else {
                node.getOutgoing().stream().map(SequenceFlow::getTarget).forEach(next::add);
            }
            if (node instanceof Activity) {
                model.getModelElementsByType(BoundaryEvent.class).stream()
                        .filter(boundary -> boundary.getAttachedTo() == node)
                        .forEach(next::add);
            }
        }
    }

    private static Optional<String> step(FlowNode node) {
        return Optional.ofNullable(node.getSingleExtensionElement(ZeebeProperties.class)).stream()
                .flatMap(properties -> properties.getProperties().stream())
                .filter(property -> PROPERTY.equals(property.getName()))
                .map(ZeebeProperty::getValue)
                .findFirst();
    }

    private static BpmnModelInstance read(String resource) {
        try (InputStream bpmn = JourneySteps.class.getClassLoader().getResourceAsStream(resource)) {
            return Bpmn.readModelFromStream(bpmn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
