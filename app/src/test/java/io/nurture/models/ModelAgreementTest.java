package io.nurture.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every job type a model uses has a worker and an element template; every worker serves a job type
 * some model uses; every template describes a job type that exists.
 */
class ModelAgreementTest {

    private static final Path TEMPLATES = Path.of("..", "processes", "element-templates");

    @Test
    void everyJobTypeInTheModelsHasAWorker() {
        assertThat(workerJobTypes()).containsAll(modelJobTypes());
    }

    @Test
    void everyWorkerServesAJobTypeAModelUses() {
        assertThat(modelJobTypes()).containsAll(workerJobTypes());
    }

    @Test
    void everyJobTypeHasAnElementTemplateAndEveryTemplateAJobType() {
        assertThat(templateJobTypes()).isEqualTo(modelJobTypes());
    }

    private static Set<String> modelJobTypes() {
        Set<String> types = new TreeSet<>();
        ShippedModels.bpmn()
                .values()
                .forEach(model -> model.getModelElementsByType(ZeebeTaskDefinition.class)
                        .forEach(definition -> types.add(definition.getType())));
        return types;
    }

    private static Set<String> workerJobTypes() {
        Set<String> types = new TreeSet<>();
        ShippedModels.jobWorkerMethods()
                .forEach(method ->
                        types.add(method.getAnnotation(JobWorker.class).type()));
        return types;
    }

    private static Set<String> templateJobTypes() {
        ObjectMapper json = new ObjectMapper();
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            files.filter(file -> file.toString().endsWith(".json")).forEach(file -> {
                try {
                    for (JsonNode property : json.readTree(file.toFile()).path("properties")) {
                        JsonNode binding = property.path("binding");
                        if ("zeebe:taskDefinition".equals(binding.path("type").asText())
                                && "type".equals(binding.path("property").asText())) {
                            types.add(property.path("value").asText());
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return types;
    }
}
