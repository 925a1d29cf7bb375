package io.nurture.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderRiskDecisionTest {

    @RegisterExtension
    final EmbeddedProcessEngine engine = new EmbeddedProcessEngine();

    @ParameterizedTest(name = "mismatch={0}, first order={1}, total={2} -> {3}")
    @CsvSource({
        "false, false, 5000, APPROVE",
        "false, true, 1000, APPROVE",
        "false, true, 1000.01, REVIEW",
        "true, false, 20, REVIEW",
        "true, true, 999, REVIEW",
        "true, true, 1500, REJECT",
        "true, false, 1500, REVIEW",
    })
    void decidesRiskFromCountriesFirstOrderAndTotal(boolean countryMismatch, boolean firstOrder, double total, String expected) {
        var result = engine.client().newEvaluateDecisionCommand()
                .decisionId(OrderFulfillment.RISK_DECISION_ID)
                .variables(Map.of(
                        OrderFulfillment.Variable.COUNTRY_MISMATCH, countryMismatch,
                        OrderFulfillment.Variable.FIRST_ORDER, firstOrder,
                        OrderFulfillment.Variable.ORDER_TOTAL, total))
                .send()
                .join();

        assertThat(result.getDecisionOutput()).isEqualTo("\"" + expected + "\"");
    }
}
