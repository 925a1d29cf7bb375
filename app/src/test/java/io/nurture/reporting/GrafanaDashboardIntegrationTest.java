package io.nurture.reporting;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static io.nurture.testing.OrderRequests.withConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nurture.runtime.RuntimeDefaults;
import io.nurture.testing.EngineRecords;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The ops dashboard (ops/grafana/dashboards/nurture.json) only queries metrics the app exports:
 * after a scenario that makes each of them appear (an order shipped and delivered, a marketing
 * message skipped, an incident), every metric name in the dashboard's queries is in the app's
 * Prometheus scrape.
 */
@NurtureIntegrationTest
class GrafanaDashboardIntegrationTest {

    private static final Path DASHBOARD = Path.of("..", "ops", "grafana", "dashboards", "nurture.json");
    private static final Pattern METRIC = Pattern.compile("\\b((?:nurture|camunda)_[a-z_]+)\\b");

    @Autowired
    EngineRecords engineRecords;

    @LocalServerPort
    int port;

    @Autowired
    Shop shop;

    @Test
    void everyMetricTheDashboardQueriesIsExported() throws Exception {
        String withoutConsent = newCustomerEmail();
        String customerId = shop.deliver(
                shop.place(withConsent(shop.order(withoutConsent, "TEA-SENCHA-100", 1, card("tok_visa")), false)));
        engineRecords.awaitWaitingAt(customerId, "AwaitPurchaseOrSilenceGateway");
        shop.advanceClock("P45DT1H");
        await().atMost(Shop.PATIENCE)
                .until(() -> shop.stepsOf(customerId).contains("RE_ENGAGEMENT:SKIPPED:NO_MARKETING_CONSENT"));
        engineRecords.awaitIncident(shop.place(shop.order(newCustomerEmail(), "TEA-MATCHA-30", 1, card("tok_error"))));

        Set<String> queried = queriedMetrics();
        String scrape = scrape();

        assertThat(queried).as("metrics in the dashboard").hasSizeGreaterThan(8);
        assertThat(queried)
                .allSatisfy(metric -> assertThat(scrape).as(metric).containsPattern("(?m)^" + metric + "[{ ]"));
    }

    private static Set<String> queriedMetrics() throws IOException {
        Set<String> metrics = new TreeSet<>();
        for (JsonNode panel : new ObjectMapper().readTree(DASHBOARD.toFile()).path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher names = METRIC.matcher(target.path("expr").asText());
                while (names.find()) {
                    metrics.add(names.group(1));
                }
            }
        }
        return metrics;
    }

    private String scrape() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("X-API-Key", RuntimeDefaults.DEV_STAFF_KEY)
                .GET()
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
