package io.nurture.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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

    /**
     * The variant lives in the journey's scope until the next contact-policy call replaces it; a send
     * task takes its own copy as it starts, so a call on a branch running beside it (the survey
     * reminder's, in post-purchase) cannot change which variant it sends.
     */
    @Test
    void everyTaskWhoseWorkerReadsTheVariantTakesItsOwnCopyAsItStarts() {
        Set<String> readers = jobTypesReadingTheVariant();
        List<String> tasks = new ArrayList<>();
        ShippedModels.bpmn().forEach((name, model) -> {
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                ZeebeTaskDefinition definition = task.getSingleExtensionElement(ZeebeTaskDefinition.class);
                if (definition != null && readers.contains(definition.getType())) {
                    tasks.add(name + "#" + task.getId());
                    ZeebeIoMapping mapping = task.getSingleExtensionElement(ZeebeIoMapping.class);
                    assertThat(mapping).as(name + "#" + task.getId()).isNotNull();
                    assertThat(mapping.getInputs())
                            .as(name + "#" + task.getId())
                            .anySatisfy(input -> {
                                assertThat(input.getTarget()).isEqualTo("variant");
                                assertThat(input.getSource()).isEqualTo("=variant");
                            });
                }
            }
        });
        assertThat(tasks).as("send tasks behind the contact policy").hasSize(14);
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
        ShippedModels.contactPolicyCalls()
                .forEach((call, activity) -> calls.put(call, activity.getSingleExtensionElement(ZeebeIoMapping.class)));
        return calls;
    }

    /** The job types whose worker method takes the variable {@code variant}. */
    private static Set<String> jobTypesReadingTheVariant() {
        Set<String> types = new TreeSet<>();
        ShippedModels.jobWorkerMethods()
                .filter(method -> Arrays.stream(method.getParameters())
                        .anyMatch(parameter -> parameter.isAnnotationPresent(Variable.class)
                                && parameter.getName().equals("variant")))
                .forEach(method ->
                        types.add(method.getAnnotation(JobWorker.class).type()));
        return types;
    }
}
