package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.servlet.ServletManagementContextAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Prometheus's key, on the web slice with the actuator's Prometheus endpoint: it reads the scrape
 * and is refused everything else, so the key kept on the monitoring host opens no customer data.
 */
@WebSliceTest
@ImportAutoConfiguration({
    EndpointAutoConfiguration.class,
    WebEndpointAutoConfiguration.class,
    ManagementContextAutoConfiguration.class,
    ServletManagementContextAutoConfiguration.class,
    MetricsAutoConfiguration.class,
    CompositeMeterRegistryAutoConfiguration.class,
    PrometheusMetricsExportAutoConfiguration.class
})
class MetricsRoleTest {

    @Autowired
    MockMvc mvc;

    @Test
    void metricsClientReadsThePrometheusScrape() {
        SliceClient.Answer scrape = new SliceClient(mvc, SliceClient.METRICS_KEY).get("/actuator/prometheus");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain");
    }

    @Test
    void metricsClientIsRefusedStaffEndpoints() {
        SliceClient metrics = new SliceClient(mvc, SliceClient.METRICS_KEY);

        assertThat(metrics.get("/api/metrics/lifecycle").status()).isEqualTo(403);
        assertThat(metrics.get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(metrics.get("/actuator/info").status()).isEqualTo(403);
    }

    @Test
    void metricsClientIsRefusedIntegrationEndpoints() {
        SliceClient metrics = new SliceClient(mvc, SliceClient.METRICS_KEY);

        assertThat(metrics.post("/api/orders", Map.of()).status()).isEqualTo(403);
        assertThat(metrics.get("/api/products").status()).isEqualTo(403);
    }

    @Test
    void staffStillReadsThePrometheusScrape() {
        SliceClient.Answer scrape = new SliceClient(mvc, SliceClient.HARNESS_KEY).get("/actuator/prometheus");

        assertThat(scrape.status()).isEqualTo(200);
    }
}
