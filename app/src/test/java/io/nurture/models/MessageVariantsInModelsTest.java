package io.nurture.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.nurture.processes.Models;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The experiments the models run can run: every call of the contact policy hands the customer's
 * variant back (a step without an experiment hands back none, so a variant of an earlier step never
 * reaches a later one), and every step's variants have names of their own and name a mail template
 * that exists, with shares that add up to 1.
 */
class MessageVariantsInModelsTest {

    private static final Pattern TEMPLATE = Pattern.compile("template:\\s*\"([^\"]*)\"");
    private static final Pattern SHARE = Pattern.compile("share:\\s*([0-9.]+)");
    private static final Pattern NAME = Pattern.compile("name:\\s*\"([^\"]*)\"");

    @Test
    void everyContactPolicyCallHandsTheVariantBack() {
        List<String> calls = new ArrayList<>();
        contactPolicyCalls().forEach((call, mapping) -> {
            calls.add(call);
            assertThat(mapping.getOutputs()).as(call).anySatisfy(output -> {
                assertThat(output.getTarget()).isEqualTo("variant");
                assertThat(output.getSource()).isEqualTo("=variant");
            });
        });
        assertThat(calls).hasSizeGreaterThan(10);
    }

    @Test
    void everyVariantSendsAnExistingTemplateAndTheSharesAddUpToOne() {
        Map<String, String> experiments = new TreeMap<>();
        contactPolicyCalls()
                .forEach((call, mapping) -> mapping.getInputs().stream()
                        .filter(input -> input.getTarget().equals("variants"))
                        .map(ZeebeInput::getSource)
                        .forEach(source -> experiments.put(call, source)));

        assertThat(experiments).as("the models run an experiment").isNotEmpty();
        experiments.forEach((call, source) -> {
            List<String> templates = all(TEMPLATE.matcher(source));
            assertThat(templates).as(call).hasSizeGreaterThanOrEqualTo(1);
            assertThat(templates)
                    .as(call)
                    .allSatisfy(template -> assertThat(
                                    getClass().getClassLoader().getResource("mail/" + template + ".mustache"))
                            .as("mail/" + template + ".mustache")
                            .isNotNull());
            BigDecimal total =
                    all(SHARE.matcher(source)).stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(total).as(call + " shares").isEqualByComparingTo(BigDecimal.ONE);
            assertThat(all(NAME.matcher(source)))
                    .as(call + " names")
                    .hasSameSizeAs(templates)
                    .doesNotHaveDuplicates();
        });
    }

    private static List<String> all(Matcher matcher) {
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Map<String, ZeebeIoMapping> contactPolicyCalls() {
        Map<String, ZeebeIoMapping> calls = new TreeMap<>();
        Models.RESOURCES.stream().filter(name -> name.endsWith(".bpmn")).forEach(name -> {
            try (InputStream in =
                    MessageVariantsInModelsTest.class.getClassLoader().getResourceAsStream(name)) {
                BpmnModelInstance model = Bpmn.readModelFromStream(in);
                for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
                    ZeebeCalledElement called = call.getSingleExtensionElement(ZeebeCalledElement.class);
                    if (called != null && called.getProcessId().equals("contact-policy")) {
                        calls.put(name + "#" + call.getId(), call.getSingleExtensionElement(ZeebeIoMapping.class));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return calls;
    }
}
