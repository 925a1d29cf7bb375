package io.nurture.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run came to: the key figures an analyst compares (by name, in a fixed order), the mails
 * per template, and the app's own reports for the simulated period (lifecycle, its series over
 * time, both journeys' funnels).
 *
 * @param models which models ran: "deployed" or the directory of the edited copies
 * @param seconds wall-clock time of the simulated days
 */
public record Figures(
        String models,
        long seed,
        int customers,
        int days,
        double seconds,
        long jobs,
        Map<String, Double> key,
        Map<String, Long> messagesByTemplate,
        JsonNode lifecycle,
        JsonNode series,
        JsonNode funnels,
        JsonNode experiments) {

    static final String[] JOURNEYS = {
        "welcome-series", "browse-abandonment", "abandoned-checkout", "post-purchase", "customer-retention"
    };
    /**
     * An order within a week of a message counts as its conversion: the simulated shoppers who
     * answer a mail order the next day, and a week leaves the period's last days out of the count.
     */
    static final String CONVERSION_WINDOW = "P7D";

    private static final int MOST_PARTS = 30;

    static Figures collect(
            String models, Behaviour behaviour, Rehearsal.Tally tally, NurtureApi api, Instant from, Instant to) {
        String period = "from=" + from + "&to=" + to;
        JsonNode lifecycle = api.get("/api/metrics/lifecycle?" + period);
        JsonNode series =
                api.get("/api/metrics/lifecycle/series?" + period + "&parts=" + Math.min(MOST_PARTS, behaviour.days()));
        ObjectNode funnels = JsonNodeFactory.instance.objectNode();
        ObjectNode experiments = JsonNodeFactory.instance.objectNode();
        for (String journey : JOURNEYS) {
            funnels.set(journey, api.get("/api/journeys/" + journey + "/funnel?" + period));
            experiments.set(
                    journey,
                    api.get("/api/journeys/" + journey + "/experiments?" + period + "&window=" + CONVERSION_WINDOW));
        }
        Map<String, Double> key = new LinkedHashMap<>();
        key.put("orders placed", (double) tally.ordersPlaced);
        key.put("orders with a coupon", (double) tally.ordersWithCoupon);
        key.put("marketing messages per customer", mean(tally.marketingMails));
        key.put("transactional messages per customer", mean(tally.transactionalMails));
        key.put("most marketing messages to one customer", (double)
                Arrays.stream(tally.marketingMails).max().orElse(0));
        coupons(key, tally, api);
        key.put("NPS", number(lifecycle.path("surveys").path("nps")));
        key.put("survey response rate", number(lifecycle.path("surveys").path("responseRate")));
        key.put("repeat-purchase rate", number(lifecycle.path("repeatPurchaseRate")));
        key.put(
                "re-engagement conversion",
                number(lifecycle.path("reEngagement").path("conversionRate")));
        key.put("win-back conversion", number(lifecycle.path("winBack").path("conversionRate")));
        key.put("unsubscribed", (double) tally.unsubscribed);
        key.put("sign-ups", (double) tally.signUps);
        key.put("sign-ups confirmed", (double) tally.signUpsConfirmed);
        experimentFigures(key, experiments);
        lifecycle
                .path("customersByStage")
                .properties()
                .forEach(stage ->
                        key.put("customers " + stage.getKey(), stage.getValue().asDouble()));
        lifecycle
                .path("ordersByStatus")
                .properties()
                .forEach(status ->
                        key.put("orders " + status.getKey(), status.getValue().asDouble()));
        JsonNode returns = api.get("/api/metrics/returns?" + period);
        key.put("returns asked for", (double) tally.returnsAsked);
        key.put("returns refunded", returns.path("refunds").asDouble());
        key.put("refunded for returns", returns.path("refunded").asDouble());
        key.put("return rate", number(returns.path("returnRate")));
        returns.path("returnsByStatus")
                .properties()
                .forEach(status ->
                        key.put("returns " + status.getKey(), status.getValue().asDouble()));
        JsonNode money = api.get("/api/reconciliation");
        key.put("money check violations", (double) money.path("violations").size());
        key.put("refunds owed", money.path("refundsOwed").asDouble());
        return new Figures(
                models,
                behaviour.seed(),
                behaviour.customers(),
                behaviour.days(),
                tally.wallClock.toMillis() / 1000.0,
                tally.jobs,
                key,
                new TreeMap<>(tally.mailsByTemplate),
                lifecycle,
                series,
                funnels,
                experiments);
    }

    /** Per variant of each experiment: the customers sent it and how many of them ordered within the window. */
    private static void experimentFigures(Map<String, Double> key, JsonNode experiments) {
        experiments.forEach(journey ->
                journey.forEach(experiment -> experiment.path("variants").forEach(variant -> {
                    String name = experiment.path("step").asText() + " \""
                            + variant.path("variant").asText() + "\" ";
                    key.put(name + "sent", variant.path("customers").asDouble());
                    key.put(name + "conversion", number(variant.path("rate")));
                })));
    }

    /** Issued and redeemed per kind (win-back, service recovery) and what the redeemed ones cost the shop. */
    private static void coupons(Map<String, Double> key, Rehearsal.Tally tally, NurtureApi api) {
        Map<String, long[]> counts = new TreeMap<>();
        BigDecimal cost = BigDecimal.ZERO;
        for (String customerId : tally.customerIds.stream().sorted().toList()) {
            for (JsonNode coupon : api.get("/api/customers/" + customerId + "/coupons")) {
                long[] issuedRedeemed =
                        counts.computeIfAbsent(coupon.path("kind").asText(), kind -> new long[2]);
                issuedRedeemed[0]++;
                if (coupon.path("redeemed").asBoolean()) {
                    issuedRedeemed[1]++;
                    cost = cost.add(coupon.path("value").decimalValue());
                }
            }
        }
        for (String kind : new String[] {"WIN_BACK", "SERVICE_RECOVERY"}) {
            long[] issuedRedeemed = counts.getOrDefault(kind, new long[2]);
            String name = kind.toLowerCase().replace('_', '-');
            key.put(name + " coupons issued", (double) issuedRedeemed[0]);
            key.put(name + " coupons redeemed", (double) issuedRedeemed[1]);
        }
        key.put("coupon cost", cost.doubleValue());
    }

    private static double mean(long[] values) {
        return values.length == 0 ? 0 : Arrays.stream(values).sum() / (double) values.length;
    }

    private static Double number(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? null : value.asDouble();
    }
}
