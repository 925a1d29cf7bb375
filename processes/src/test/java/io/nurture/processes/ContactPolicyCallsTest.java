package io.nurture.processes;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every "Check contact policy" hands the policy only what its call maps, and takes back only what
 * it maps back. The engine otherwise copies every variable of the journey into each check and
 * deletes them again after it: records and state writes before every message, for variables the
 * policy never reads (docs/performance.md, issue 27's fifth part).
 */
class ContactPolicyCallsTest {

    @Test
    void everyJourneyHandsTheContactPolicyOnlyWhatItsCallMaps() {
        List<String> calls = Models.RESOURCES.stream()
                .filter(resource -> resource.endsWith(".bpmn"))
                .flatMap(resource -> read(resource).getModelElementsByType(CallActivity.class).stream()
                        .filter(ContactPolicyCallsTest::checksTheContactPolicy)
                        .map(call -> resource + " " + call.getId() + ": " + propagation(call)))
                .toList();

        assertThat(calls)
                .as("calls of the contact policy")
                .isNotEmpty()
                .allSatisfy(call -> assertThat(call).endsWith("parent variables no, child variables no"));
    }

    private static boolean checksTheContactPolicy(CallActivity call) {
        ZeebeCalledElement called = call.getSingleExtensionElement(ZeebeCalledElement.class);
        return called != null && ContactPolicy.PROCESS_ID.equals(called.getProcessId());
    }

    private static String propagation(CallActivity call) {
        ZeebeCalledElement called = call.getSingleExtensionElement(ZeebeCalledElement.class);
        return "parent variables " + (called.isPropagateAllParentVariablesEnabled() ? "all" : "no")
                + ", child variables " + (called.isPropagateAllChildVariablesEnabled() ? "all" : "no");
    }

    private static BpmnModelInstance read(String resource) {
        try (InputStream bpmn = ContactPolicyCallsTest.class.getClassLoader().getResourceAsStream(resource)) {
            return Bpmn.readModelFromStream(bpmn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
