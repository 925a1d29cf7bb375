package io.nurture.simulation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the synthetic customers behave: read from a YAML file an analyst edits (see
 * {@code sim/behaviour.yaml}). Chances are per event (a mail received, a day passed) and drawn from
 * the seed, so the same file gives the same run.
 *
 * @param seed the same seed and file give the same customers making the same choices
 * @param start the first simulated day (UTC); the engine's clock only moves forward, so it must lie ahead
 * @param days simulated days
 * @param customers customers in the population
 * @param firstOrdersWithinDays new customers arrive on a day spread evenly over these, and place their
 *     first order that day (unless their segment describes what they do before it)
 * @param products SKUs of the catalogue that customers buy (one to {@code basketSize} of them per order)
 * @param careCasesResolvedAfterDays staff resolve a detractor's care case this many days after it opened
 * @param segments the population's segments; their shares add up to 1
 */
public record Behaviour(
        long seed,
        LocalDate start,
        int days,
        int customers,
        int firstOrdersWithinDays,
        List<String> products,
        int careCasesResolvedAfterDays,
        List<Segment> segments) {

    /**
     * @param share of the population
     * @param timeZones where its customers live; shares add up to 1
     * @param marketingConsent chance a customer agrees to marketing mail on the first order
     * @param invoice chance an order is paid by invoice instead of card
     * @param invoiceUnpaid chance an invoice is never paid (the order is cancelled after the reminder)
     * @param invoicePaidAfterDays days from the invoice to its payment
     * @param deliveryDays days from shipment to delivery
     * @param basketSize most products in one order
     * @param surveyAnswered chance a survey is answered (the day after it arrived)
     * @param nps chance of each score (0-10) when answering; they add up to 1
     * @param reorderPerDay chance per day that a customer orders again on their own, once the last order arrived
     * @param reEngagementResponse chance a re-engagement mail brings an order within a week
     * @param couponResponse chance a coupon received (win-back, service recovery) is used within a week
     * @param unsubscribePerMarketingMail chance a marketing mail makes its reader unsubscribe
     * @param returnAfterDelivery chance a delivered order is sent back (one unit of its first product)
     * @param returnAfterDays days from the delivery to the return request (the parcel goes back
     *     {@code deliveryDays} after the label arrives; staff inspect it the day after it is back)
     * @param returnReasons chance of each return reason (CHANGED_MIND, WRONG_ITEM, DAMAGED,
     *     NOT_AS_DESCRIBED, OTHER); they add up to 1
     * @param beforeFirstOrder what its customers do between arriving and their first order; null
     *     when they order on the day they arrive
     */
    record Segment(
            String name,
            double share,
            List<TimeZone> timeZones,
            double marketingConsent,
            double invoice,
            double invoiceUnpaid,
            int invoicePaidAfterDays,
            int deliveryDays,
            int basketSize,
            double surveyAnswered,
            Map<Integer, Double> nps,
            double reorderPerDay,
            double reEngagementResponse,
            double couponResponse,
            double unsubscribePerMarketingMail,
            double returnAfterDelivery,
            int returnAfterDays,
            Map<String, Double> returnReasons,
            BeforeFirstOrder beforeFirstOrder) {}

    /**
     * The shop's events before a first order: what the journeys before it (welcome series, browse
     * abandonment, abandoned checkout) react to.
     *
     * @param signsUp chance of signing up for the shop's news, with marketing consent, on arrival
     * @param confirmsSignUp chance of following the link in the mail that asks to confirm it
     * @param browses chance of looking at one product three times, without a cart, the day after arriving
     * @param abandonsCheckout chance of starting a checkout and leaving it, two days after arriving
     * @param ordersOnTheirOwn chance of placing the first order unprompted, on a day within
     *     {@code ordersWithinDays} after arriving; the others order only when a mail brings them
     * @param mailResponse per mail template, the chance that a mail of it brings the first order the
     *     next day ({@code browse-reminder-picks: 0.2}); templates not named bring none
     */
    record BeforeFirstOrder(
            double signsUp,
            double confirmsSignUp,
            double browses,
            double abandonsCheckout,
            double ordersOnTheirOwn,
            int ordersWithinDays,
            Map<String, Double> mailResponse) {}

    private static final Set<String> RETURN_REASONS =
            Set.of("CHANGED_MIND", "WRONG_ITEM", "DAMAGED", "NOT_AS_DESCRIBED", "OTHER");

    /** @param country where its customers' orders ship to (ISO 3166 alpha-2) */
    record TimeZone(String zone, String country, double share) {}

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    public static Behaviour read(Path file) {
        Behaviour behaviour;
        try {
            behaviour = YAML.readValue(file.toFile(), Behaviour.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        List<String> problems = behaviour.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(file + ":\n  " + String.join("\n  ", problems));
        }
        return behaviour;
    }

    public Behaviour with(Integer customers, Integer days) {
        return new Behaviour(
                seed,
                start,
                days == null ? this.days : days,
                customers == null ? this.customers : customers,
                firstOrdersWithinDays,
                products,
                careCasesResolvedAfterDays,
                segments);
    }

    /** What is wrong with the file, each naming its field; empty when it can be simulated. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        positive(problems, "days", days);
        positive(problems, "customers", customers);
        positive(problems, "firstOrdersWithinDays", firstOrdersWithinDays);
        if (products == null || products.isEmpty()) {
            problems.add("products: name at least one SKU");
        }
        if (careCasesResolvedAfterDays < 0) {
            problems.add("careCasesResolvedAfterDays: must be 0 or more");
        }
        if (segments == null || segments.isEmpty()) {
            problems.add("segments: describe at least one");
            return problems;
        }
        sumsToOne(
                problems,
                "segments[*].share",
                segments.stream().mapToDouble(Segment::share).sum());
        for (int i = 0; i < segments.size(); i++) {
            segmentProblems(problems, "segments[" + i + "].", segments.get(i));
        }
        return problems;
    }

    private static void segmentProblems(List<String> problems, String at, Segment segment) {
        if (segment.timeZones() == null || segment.timeZones().isEmpty()) {
            problems.add(at + "timeZones: name at least one");
        } else {
            sumsToOne(
                    problems,
                    at + "timeZones[*].share",
                    segment.timeZones().stream().mapToDouble(TimeZone::share).sum());
            segment.timeZones().forEach(zone -> {
                try {
                    ZoneId.of(zone.zone());
                } catch (RuntimeException unknown) {
                    problems.add(at + "timeZones: unknown time zone " + zone.zone());
                }
            });
        }
        if (segment.nps() == null || segment.nps().isEmpty()) {
            problems.add(at + "nps: give the chance of at least one score");
        } else {
            sumsToOne(
                    problems,
                    at + "nps",
                    segment.nps().values().stream()
                            .mapToDouble(Double::doubleValue)
                            .sum());
            segment.nps().keySet().stream()
                    .filter(score -> score < 0 || score > 10)
                    .forEach(score -> problems.add(at + "nps: score " + score + " is not between 0 and 10"));
        }
        chance(problems, at + "marketingConsent", segment.marketingConsent());
        chance(problems, at + "invoice", segment.invoice());
        chance(problems, at + "invoiceUnpaid", segment.invoiceUnpaid());
        chance(problems, at + "surveyAnswered", segment.surveyAnswered());
        chance(problems, at + "reorderPerDay", segment.reorderPerDay());
        chance(problems, at + "reEngagementResponse", segment.reEngagementResponse());
        chance(problems, at + "couponResponse", segment.couponResponse());
        chance(problems, at + "unsubscribePerMarketingMail", segment.unsubscribePerMarketingMail());
        chance(problems, at + "returnAfterDelivery", segment.returnAfterDelivery());
        if (segment.returnAfterDays() < 0) {
            problems.add(at + "returnAfterDays: must be 0 or more");
        }
        if (segment.returnReasons() == null || segment.returnReasons().isEmpty()) {
            problems.add(at + "returnReasons: give the chance of at least one reason");
        } else {
            sumsToOne(
                    problems,
                    at + "returnReasons",
                    segment.returnReasons().values().stream()
                            .mapToDouble(Double::doubleValue)
                            .sum());
            segment.returnReasons().keySet().stream()
                    .filter(reason -> !RETURN_REASONS.contains(reason))
                    .forEach(reason -> problems.add(
                            at + "returnReasons: " + reason + " is not one of " + new TreeSet<>(RETURN_REASONS)));
        }
        if (segment.beforeFirstOrder() != null) {
            beforeFirstOrderProblems(problems, at + "beforeFirstOrder.", segment.beforeFirstOrder());
        }
        positive(problems, at + "deliveryDays", segment.deliveryDays());
        positive(problems, at + "basketSize", segment.basketSize());
        if (segment.invoicePaidAfterDays() < 0) {
            problems.add(at + "invoicePaidAfterDays: must be 0 or more");
        }
    }

    private static void beforeFirstOrderProblems(List<String> problems, String at, BeforeFirstOrder before) {
        chance(problems, at + "signsUp", before.signsUp());
        chance(problems, at + "confirmsSignUp", before.confirmsSignUp());
        chance(problems, at + "browses", before.browses());
        chance(problems, at + "abandonsCheckout", before.abandonsCheckout());
        chance(problems, at + "ordersOnTheirOwn", before.ordersOnTheirOwn());
        positive(problems, at + "ordersWithinDays", before.ordersWithinDays());
        if (before.mailResponse() == null) {
            problems.add(at + "mailResponse: give a chance per template, or {} for none");
        } else {
            before.mailResponse()
                    .forEach((template, chance) -> chance(problems, at + "mailResponse." + template, chance));
        }
    }

    private static void positive(List<String> problems, String field, int value) {
        if (value <= 0) {
            problems.add(field + ": must be above 0, was " + value);
        }
    }

    private static void chance(List<String> problems, String field, double value) {
        if (value < 0 || value > 1) {
            problems.add(field + ": a chance between 0 and 1, was " + value);
        }
    }

    private static void sumsToOne(List<String> problems, String field, double sum) {
        if (Math.abs(sum - 1) > 1e-6) {
            problems.add(field + ": must add up to 1, adds up to " + sum);
        }
    }
}
