package io.nurture.reliability;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.invoice;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.nurture.testing.EngineRecords;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testkit.NurtureClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A worker completes its job with its own result only, never by writing its input back: a
 * returned copy of {@code orderId} or of a variable another branch owns would overwrite it.
 * What each job type may return is what its element template declares as outputs.
 */
@InjectedFault(
        id = 12,
        fault = "workers writing back their input",
        injected = "every completed job of a card and an invoice journey, read from the record stream",
        holds = "each job completes with only the result variables its element template declares")
@NurtureIntegrationTest
class JobResultVariablesIntegrationTest {

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Autowired
    EngineRecords engineRecords;

    @Test
    void everyCompletedJobReturnsOnlyTheResultItsTemplateDeclares() throws IOException {
        String cardOrder = shop.place(shop.order(newCustomerEmail(), "COF-FILTER-500", 1, card("tok_visa")));
        shop.deliver(cardOrder);
        String invoiceOrder = shop.place(shop.order(newCustomerEmail(), "TEA-SENCHA-100", 1, invoice()));
        String total = shop.awaitStatus(invoiceOrder, "AWAITING_PAYMENT").text("total");
        api.post("/api/orders/" + invoiceOrder + "/payments", Map.of("amount", total, "reference", "BANK-RESULTS"));
        shop.awaitStatus(invoiceOrder, "SHIPPED");
        Map<String, Set<String>> declared = declaredResults();

        Map<String, Set<String>> returned = new HashMap<>();
        StreamSupport.stream(engineRecords.snapshot().jobRecords().spliterator(), false)
                .filter(r -> r.getIntent() == JobIntent.COMPLETED)
                .forEach(r -> returned.computeIfAbsent(r.getValue().getType(), type -> new HashSet<>())
                        .addAll(r.getValue().getVariables().keySet()));

        assertThat(returned).hasSizeGreaterThanOrEqualTo(8);
        returned.forEach(
                (type, variables) -> assertThat(variables).as(type).isSubsetOf(declared.getOrDefault(type, Set.of())));
    }

    private static Map<String, Set<String>> declaredResults() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Set<String>> results = new HashMap<>();
        try (Stream<Path> templates = Files.list(Path.of("..", "processes", "element-templates"))) {
            for (Path template : templates.toList()) {
                JsonNode properties = json.readTree(template.toFile()).path("properties");
                String type = "";
                Set<String> outputs = new HashSet<>();
                for (JsonNode property : properties) {
                    JsonNode binding = property.path("binding");
                    if (binding.path("property").asText().equals("type")) {
                        type = property.path("value").asText();
                    }
                    if (binding.path("type").asText().equals("zeebe:output")) {
                        outputs.add(binding.path("source").asText().substring(1));
                    }
                }
                results.put(type, outputs);
            }
        }
        return results;
    }
}
