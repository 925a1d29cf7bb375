package io.nurture.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.nurture.customer.ConsentTopic;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every marketing and triggered message step names the consent topic it belongs to, one the
 * preferences page offers, so a customer who left that topic is skipped; a transactional step names
 * none (topics are about marketing).
 */
class ConsentTopicsInModelsTest {

    private static final Pattern TEXT = Pattern.compile("^=\"(\\w+)\"$");

    @Test
    void everyMarketingAndTriggeredMessageStepNamesATopicThePreferencesPageOffers() {
        List<String> topics =
                Arrays.stream(ConsentTopic.values()).map(Enum::name).toList();
        int marketing = 0;
        for (Map.Entry<String, BpmnModelInstance> model : ShippedModels.bpmn().entrySet()) {
            for (CallActivity call : model.getValue().getModelElementsByType(CallActivity.class)) {
                Optional<String> category = input(call, "messageCategory");
                if (category.isEmpty()) {
                    continue;
                }
                String step = model.getKey() + " " + call.getName() + " (" + call.getId() + ")";
                if (category.get().equals("TRANSACTIONAL")) {
                    assertThat(input(call, "topic")).as(step).isEmpty();
                } else {
                    marketing++;
                    assertThat(input(call, "topic"))
                            .as(step)
                            .hasValueSatisfying(topic -> assertThat(topics).contains(topic));
                }
            }
        }
        assertThat(marketing)
                .as("marketing and triggered steps in the shipped models")
                .isEqualTo(9);
    }

    private static Optional<String> input(CallActivity call, String target) {
        ZeebeIoMapping mapping = call.getSingleExtensionElement(ZeebeIoMapping.class);
        return mapping.getInputs().stream()
                .filter(input -> input.getTarget().equals(target))
                .map(input -> TEXT.matcher(input.getSource()))
                .filter(Matcher::matches)
                .map(matcher -> matcher.group(1))
                .findFirst();
    }
}
