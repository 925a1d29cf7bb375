package io.nurture.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nurture.processes.OrderReturn.Variable;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each row of {@code return-eligibility.dmn}, and its edges, evaluated directly. */
class ReturnEligibilityDecisionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} days, {1}, food={2}, value {3} -> {4}, label by {5}, fee {6}%, no parcel={7}")
    @CsvSource(
            nullValues = "none",
            value = {
                "30, DAMAGED, true, 12.50, APPROVE, SHOP, 0, true",
                "31, DAMAGED, false, 12.50, REJECT, none, 0, false",
                "31, WRONG_ITEM, false, 12.50, REJECT, none, 0, false",
                "5, CHANGED_MIND, true, 12.50, REJECT, none, 0, false",
                "5, OTHER, true, 12.50, REJECT, none, 0, false",
                "5, WRONG_ITEM, true, 12.50, APPROVE, SHOP, 0, false",
                "5, NOT_AS_DESCRIBED, false, 899, APPROVE, SHOP, 0, false",
                "5, CHANGED_MIND, false, 500.01, REVIEW, CUSTOMER, 10, false",
                "5, CHANGED_MIND, false, 500, APPROVE, CUSTOMER, 0, false",
                "0, OTHER, false, 20, REVIEW, SHOP, 0, false",
            })
    void decidesFromDaysReasonFoodAndValue(
            int days,
            String reason,
            boolean food,
            double value,
            String decision,
            String paidBy,
            int feePercent,
            boolean skipParcel)
            throws Exception {
        JsonNode output = JSON.readTree(DecisionTables.evaluate(
                OrderReturn.ELIGIBILITY_DECISION_ID,
                Map.of(
                        Variable.DAYS_SINCE_DELIVERY, days,
                        Variable.RETURN_REASON, reason,
                        Variable.INCLUDES_FOOD, food,
                        Variable.RETURN_VALUE, value)));

        assertThat(output.get(Variable.RETURN_DECISION).asText()).isEqualTo(decision);
        assertThat(
                        output.get(Variable.SHIPPING_PAID_BY).isNull()
                                ? null
                                : output.get(Variable.SHIPPING_PAID_BY).asText())
                .isEqualTo(paidBy);
        assertThat(output.get(Variable.RESTOCKING_FEE_PERCENT).asInt()).isEqualTo(feePercent);
        assertThat(output.get(Variable.SKIP_PARCEL).asBoolean()).isEqualTo(skipParcel);
        assertThat(output.get(Variable.REJECTION_REASON).isNull()).isEqualTo(!decision.equals("REJECT"));
    }
}
