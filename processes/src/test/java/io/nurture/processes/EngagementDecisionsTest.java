package io.nurture.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngagementDecisionsTest {

    @ParameterizedTest(name = "score {0} -> {1}")
    @CsvSource({
        "0, SERVICE_RECOVERY",
        "6, SERVICE_RECOVERY",
        "7, THANK_YOU",
        "8, THANK_YOU",
        "9, ADVOCACY_ASK",
        "10, ADVOCACY_ASK"
    })
    void followUpFollowsTheNpsBands(int score, String followUp) {
        String output = DecisionTables.evaluate(
                PostPurchase.FOLLOW_UP_DECISION_ID, Map.of(PostPurchase.Variable.NPS_SCORE, score));

        assertThat(output).isEqualTo("\"" + followUp + "\"");
    }

    @ParameterizedTest(name = "spent {0}, {1} orders, {2} days -> {3} ({4})")
    @CsvSource({
        "900, 1, 120, VIP, 25",
        "200, 4, 30, REGULAR, 15",
        "30, 1, 20, NEW, 10",
        "200, 2, 95, SLIPPING, 10",
        "200, 2, 30, REGULAR, 15",
    })
    void segmentSizesTheWinBackOffer(int spent, int orders, int days, String segment, int offer) {
        String output = DecisionTables.evaluate(
                CustomerRetention.SEGMENT_DECISION_ID,
                Map.of(
                        CustomerRetention.Variable.TOTAL_SPENT, spent,
                        CustomerRetention.Variable.ORDER_COUNT, orders,
                        CustomerRetention.Variable.DAYS_SINCE_LAST_ORDER, days));

        assertThat(output).isEqualTo("{\"segment\":\"" + segment + "\",\"offerValue\":" + offer + "}");
    }
}
