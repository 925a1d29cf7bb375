package io.nurture.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every "Check contact policy" hands the policy only what its call maps, and takes back only what
 * it maps back. The engine otherwise copies every variable of the journey into each check and
 * deletes them again after it: records and state writes before every message, for variables the
 * policy never reads (docs/performance.md, issue 27's fifth part).
 */
class ContactPolicyCallsInModelsTest {

    @Test
    void everyJourneyHandsTheContactPolicyOnlyWhatItsCallMaps() {
        List<String> calls = new ArrayList<>();
        ShippedModels.contactPolicyCalls().forEach((call, activity) -> {
            ZeebeCalledElement called = activity.getSingleExtensionElement(ZeebeCalledElement.class);
            calls.add(call + ": parent variables "
                    + (called.isPropagateAllParentVariablesEnabled() ? "all" : "no")
                    + ", child variables " + (called.isPropagateAllChildVariablesEnabled() ? "all" : "no"));
        });

        assertThat(calls)
                .as("calls of the contact policy")
                .isNotEmpty()
                .allSatisfy(call -> assertThat(call).endsWith("parent variables no, child variables no"));
    }
}
