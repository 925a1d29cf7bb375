package io.nurture.engagement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.nurture.order.PurchaseFacts;
import io.nurture.processes.CustomerRetention;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The segment the analysts' decision table "Customer segment" places a customer in today. */
@Service
public class CustomerSegment {

    private final CamundaClient camunda;
    private final ObjectMapper json;

    CustomerSegment(CamundaClient camunda, ObjectMapper json) {
        this.camunda = camunda;
        this.json = json;
    }

    /** Empty for a customer with no delivered order: the table segments buyers only. */
    public Optional<String> of(PurchaseFacts facts) {
        if (facts.orderCount() == 0) {
            return Optional.empty();
        }
        String output = camunda.newEvaluateDecisionCommand()
                .decisionId(CustomerRetention.SEGMENT_DECISION_ID)
                .variables(Map.of(
                        CustomerRetention.Variable.TOTAL_SPENT, facts.totalSpent(),
                        CustomerRetention.Variable.ORDER_COUNT, facts.orderCount(),
                        CustomerRetention.Variable.DAYS_SINCE_LAST_ORDER, facts.daysSinceLastOrder()))
                .send()
                .join()
                .getDecisionOutput();
        try {
            return Optional.ofNullable(json.readTree(output).path("segment").asText(null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable segment decision: " + output, e);
        }
    }
}
