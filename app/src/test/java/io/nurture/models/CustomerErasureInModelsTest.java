package io.nurture.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.nurture.processes.CustomerErasure;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every journey ends when its customer is erased: it has an interrupting event subprocess started by
 * {@code CustomerErased}, keyed by what Nurture publishes it with for that journey.
 */
class CustomerErasureInModelsTest {

    @Test
    void everyJourneyEndsOnTheErasureMessageKeyedAsNurturePublishesIt() {
        Map<String, BpmnModelInstance> models = ShippedModels.bpmn();

        assertThat(CustomerErasure.JOURNEYS).allSatisfy((processId, key) -> {
            BpmnModelInstance model = models.get(processId + ".bpmn");
            assertThat(model).as(processId).isNotNull();
            Process process = model.getModelElementById(processId);
            StartEvent start = process.getChildElementsByType(SubProcess.class).stream()
                    .filter(SubProcess::triggeredByEvent)
                    .flatMap(sub -> sub.getChildElementsByType(StartEvent.class).stream())
                    .filter(event -> event.getEventDefinitions().stream()
                            .anyMatch(definition -> definition instanceof MessageEventDefinition message
                                    && message.getMessage().getName().equals(CustomerErasure.MESSAGE)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(processId + " has no event subprocess for the erasure"));
            MessageEventDefinition definition = (MessageEventDefinition)
                    start.getEventDefinitions().iterator().next();
            assertThat(start.isInterrupting()).as(processId).isTrue();
            assertThat(definition
                            .getMessage()
                            .getExtensionElements()
                            .getElementsQuery()
                            .filterByType(ZeebeSubscription.class)
                            .singleResult()
                            .getCorrelationKey())
                    .as(processId)
                    .isEqualTo("=" + key);
        });
    }
}
