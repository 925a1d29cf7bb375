package io.nurture.models;

import io.camunda.client.annotation.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.nurture.processes.ContactPolicy;
import io.nurture.processes.Models;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/** The BPMN models the app deploys and the job worker methods that serve them, for the checks between them. */
final class ShippedModels {

    private ShippedModels() {}

    /** Each BPMN model by its resource name. */
    static Map<String, BpmnModelInstance> bpmn() {
        Map<String, BpmnModelInstance> models = new TreeMap<>();
        Models.RESOURCES.stream().filter(name -> name.endsWith(".bpmn")).forEach(name -> {
            try (InputStream in = ShippedModels.class.getClassLoader().getResourceAsStream(name)) {
                models.put(name, Bpmn.readModelFromStream(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return models;
    }

    /** Every "Check contact policy" of the shipped models, by {@code model#element id}. */
    static Map<String, CallActivity> contactPolicyCalls() {
        Map<String, CallActivity> calls = new TreeMap<>();
        bpmn().forEach((name, model) -> {
            for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
                ZeebeCalledElement called = call.getSingleExtensionElement(ZeebeCalledElement.class);
                if (called != null && called.getProcessId().equals(ContactPolicy.PROCESS_ID)) {
                    calls.put(name + "#" + call.getId(), call);
                }
            }
        });
        return calls;
    }

    /**
     * Every {@code @JobWorker} method of a component under {@code io.nurture}, but for the development
     * tools' ({@code io.nurture.dev}): their model is built in code, exists only where clock control is
     * on and is not one an analyst edits.
     */
    static Stream<Method> jobWorkerMethods() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        scanner.addExcludeFilter(new RegexPatternTypeFilter(Pattern.compile("io\\.nurture\\.dev\\..*")));
        return scanner.findCandidateComponents("io.nurture").stream()
                .flatMap(candidate -> Arrays.stream(ClassUtils.resolveClassName(candidate.getBeanClassName(), null)
                        .getDeclaredMethods()))
                .filter(method -> method.isAnnotationPresent(JobWorker.class));
    }
}
