package io.nurture.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachFigureIsReportedWithItsChangeFromAToB() {
        Comparison comparison = Comparison.of(
                run("deployed", Map.of("win-back coupons issued", 40.0, "NPS", 20.0)),
                run("edited", Map.of("win-back coupons issued", 50.0, "NPS", 20.0)));

        assertThat(comparison.differences().get("win-back coupons issued"))
                .isEqualTo(new Comparison.Difference(40.0, 50.0, 10.0, "+25.0 %"));
        assertThat(comparison.differences().get("NPS").relative()).isEmpty();
    }

    @Test
    void aFigureOnlyOneRunHasShowsNoChange() {
        assertThat(Comparison.difference(null, 3.0)).isEqualTo(new Comparison.Difference(null, 3.0, null, ""));
        assertThat(Comparison.difference(0.0, 3.0).relative()).isEqualTo("new");
    }

    @Test
    void theReportPageShowsBothRunsAsChartsWithTablesAndTheDifferences() throws Exception {
        Figures a = run("deployed", Map.of("customers LAPSED", 30.0, "win-back coupons issued", 40.0));
        Figures b = run("edited", Map.of("customers LAPSED", 20.0, "win-back coupons issued", 50.0));

        String page = ReportPage.render(List.of(a, b));

        assertThat(page)
                .contains(
                        "<th>B − A</th>",
                        "<td class='up'>10</td><td class='up'>+25.0 %</td>",
                        "Customers per lifecycle stage at the end",
                        "Funnel of customer-retention",
                        "A: customers per stage over time",
                        "<h3>B: experiment on browse-abandonment, BROWSE_REMINDER (COLLECTING; intervals at 95.0 %",
                        "<tr><th>Picked for you</th><td>browse-reminder-picks</td><td>38</td><td>9</td><td>0.24</td>"
                                + "<td>0.14</td><td>-0.02 to 0.30</td></tr>");
        assertThat(page.split("<svg ", -1)).hasSize(1 + page.split("<details>", -1).length - 1);
    }

    private static Figures run(String models, Map<String, Double> key) {
        try {
            var lifecycle = JSON.readTree(
                    "{\"customersByStage\":{\"LAPSED\":" + key.getOrDefault("customers LAPSED", 0.0) + "}}");
            var series = JSON.readTree("[{\"to\":\"2035-01-31T00:00:00Z\",\"customersByStage\":{\"LAPSED\":3}}]");
            var funnels = JSON.readTree(
                    "{\"post-purchase\":[],\"customer-retention\":[{\"step\":\"WIN_BACK\",\"reached\":5,\"sent\":4}]}");
            var experiments = JSON.readTree("{\"browse-abandonment\":[{\"step\":\"BROWSE_REMINDER\","
                    + "\"status\":\"COLLECTING\",\"confidence\":0.95,\"variants\":[{\"variant\":\"Still thinking\","
                    + "\"template\":\"browse-reminder\",\"customers\":40,\"conversions\":4,\"rate\":0.1},"
                    + "{\"variant\":\"Picked for you\",\"template\":\"browse-reminder-picks\",\"customers\":38,"
                    + "\"conversions\":9,\"rate\":0.24,\"difference\":0.14,\"low\":-0.02,\"high\":0.3}]}]}");
            return new Figures(
                    models,
                    1,
                    10,
                    30,
                    12.5,
                    400,
                    new LinkedHashMap<>(key),
                    Map.of("win-back", 4L),
                    lifecycle,
                    series,
                    funnels,
                    experiments);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
