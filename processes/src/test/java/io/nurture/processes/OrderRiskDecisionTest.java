package io.nurture.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderRiskDecisionTest {

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
    void decidesRiskFromCountriesFirstOrderAndTotal(
            boolean countryMismatch, boolean firstOrder, double total, String expected) {
        String output = DecisionTables.evaluate(
                OrderFulfillment.RISK_DECISION_ID,
                Map.of(
                        OrderFulfillment.Variable.COUNTRY_MISMATCH, countryMismatch,
                        OrderFulfillment.Variable.FIRST_ORDER, firstOrder,
                        OrderFulfillment.Variable.ORDER_TOTAL, total));

        assertThat(output).isEqualTo("\"" + expected + "\"");
    }
}
