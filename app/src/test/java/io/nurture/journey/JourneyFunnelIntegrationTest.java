package io.nurture.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The retention journey's funnel against a scripted population whose answer is known: engagement
 * steps and orders written straight into the database in January 2040, a month no other test
 * reaches, then read back through the staff API.
 */
class JourneyFunnelIntegrationTest extends JourneyTest {

    private static final String PERIOD = "?from=2040-01-01&to=2040-02-01";

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private void scriptedPopulation() {
        String converted = customer("converted");
        step(converted, "RE_ENGAGEMENT", "SENT", null, "2040-01-05");
        order(converted, "DELIVERED", "2040-01-10");

        String withoutConsent = customer("without-consent");
        step(withoutConsent, "RE_ENGAGEMENT", "SKIPPED", "NO_MARKETING_CONSENT", "2040-01-06");

        String boughtBeforeAndCancelledAfter = customer("bought-before");
        order(boughtBeforeAndCancelledAfter, "DELIVERED", "2040-01-03");
        step(boughtBeforeAndCancelledAfter, "RE_ENGAGEMENT", "SENT", null, "2040-01-07");
        step(boughtBeforeAndCancelledAfter, "WIN_BACK", "SENT", null, "2040-01-20");
        order(boughtBeforeAndCancelledAfter, "CANCELLED", "2040-01-25");

        String capped = customer("capped");
        step(capped, "RE_ENGAGEMENT", "SKIPPED", "FREQUENCY_CAP", "2040-01-08");
        step(capped, "WIN_BACK", "SKIPPED", "NO_MARKETING_CONSENT", "2040-01-21");

        step(customer("before-the-period"), "RE_ENGAGEMENT", "SENT", null, "2039-12-31");

        String boughtAfterThePeriod = customer("bought-after");
        step(boughtAfterThePeriod, "WIN_BACK", "SENT", null, "2040-01-30");
        order(boughtAfterThePeriod, "DELIVERED", "2040-02-02");
    }

    @Test
    void eachStepCountsWhoReachedItWhoWasSentWhoWasSkippedWhyAndWhoBoughtAfter() {
        scriptedPopulation();

        NurtureClient.Answer funnel = api.get("/api/journeys/customer-retention/funnel" + PERIOD);

        assertThat(funnel.status()).isEqualTo(200);
        assertThat(funnel.body().findValuesAsText("step")).containsExactly("RE_ENGAGEMENT", "WIN_BACK");
        assertThat(figures(funnel.body().get(0))).isEqualTo(List.of(4L, 2L, 1L));
        assertThat(skipped(funnel.body().get(0))).isEqualTo(Map.of("FREQUENCY_CAP", 1L, "NO_MARKETING_CONSENT", 1L));
        assertThat(figures(funnel.body().get(1))).isEqualTo(List.of(3L, 2L, 0L));
        assertThat(skipped(funnel.body().get(1))).isEqualTo(Map.of("NO_MARKETING_CONSENT", 1L));
    }

    @Test
    void anUnknownJourneyIsNotFoundAndABackwardPeriodNamesItsField() {
        assertThat(api.get("/api/journeys/order-fulfillment/funnel" + PERIOD).status()).isEqualTo(404);
        NurtureClient.Answer backwards = api.get("/api/journeys/post-purchase/funnel?from=2040-02-01&to=2040-01-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body().path("errors").findValuesAsText("field")).containsExactly("from");
    }

    private static List<Long> figures(JsonNode step) {
        return List.of(step.path("reached").asLong(), step.path("sent").asLong(), step.path("conversions").asLong());
    }

    private static Map<String, Long> skipped(JsonNode step) {
        Map<String, Long> byReason = new TreeMap<>();
        step.path("skipped").properties().forEach(reason -> byReason.put(reason.getKey(), reason.getValue().asLong()));
        return byReason;
    }

    private String customer(String name) {
        String id = UUID.randomUUID().toString();
        db.sql("INSERT INTO customers (id, email, name, created_at) VALUES (?, ?, ?, '2039-01-01')")
                .params(id, name + "-" + run + "@example.com", name).update();
        return id;
    }

    private void step(String customerId, String step, String outcome, String reason, String day) {
        db.sql("INSERT INTO engagement_steps (customer_id, step, outcome, reason, at, step_key) VALUES (?, ?, ?, ?, ?, ?)")
                .params(customerId, step, outcome, reason, day + " 12:00:00", "funnel-" + UUID.randomUUID()).update();
    }

    private void order(String customerId, String status, String day) {
        db.sql("""
                INSERT INTO orders (id, customer_id, status, total, currency, payment_method, ship_line1, ship_city,
                    ship_postal_code, ship_country, billing_country, created_at, updated_at)
                VALUES (?, ?, ?, 20.00, 'EUR', 'CARD', '1 Main St', 'Berlin', '10115', 'DE', 'DE', ?, ?)""")
                .params(UUID.randomUUID().toString(), customerId, status, day + " 09:00:00", day + " 09:00:00").update();
    }
}
