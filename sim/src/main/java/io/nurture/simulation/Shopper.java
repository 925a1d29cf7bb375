package io.nurture.simulation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/** One synthetic customer: who they are (fixed by the seed) and where they stand in the run. */
final class Shopper {

    final int index;
    final Behaviour.Segment segment;
    final Behaviour.TimeZone home;
    final boolean marketingConsent;
    final int arrivalDay;
    /** The day of the first order unprompted; null when only a mail brings it. */
    final Integer firstOrderDay;

    String customerId;
    String openOrderId;
    /** The orders the shopper sent something back from, and the returns whose parcel went back and was inspected. */
    final Set<String> returningOrders = new LinkedHashSet<>();

    final Set<String> parcelsSent = new HashSet<>();
    final Set<String> parcelsInspected = new HashSet<>();

    int returnsAsked;
    BigDecimal openOrderTotal;
    int ordersPlaced;
    int ordersWithCoupon;
    Integer lastDeliveryDay;
    Integer plannedOrderDay;
    String couponToUse;
    int marketingMails;
    /** Numbers this customer's surveys and coupons, so each one's choice is theirs alone, whatever others got. */
    int surveysSeen;

    int couponsSeen;
    /** Numbers this customer's mails before the first order, for the same reason. */
    int mailsBeforeFirstOrder;

    boolean unsubscribed;
    boolean signedUp;
    boolean confirmedSignUp;

    private Shopper(
            int index,
            Behaviour.Segment segment,
            Behaviour.TimeZone home,
            boolean marketingConsent,
            int arrivalDay,
            Integer firstOrderDay) {
        this.index = index;
        this.segment = segment;
        this.home = home;
        this.marketingConsent = marketingConsent;
        this.arrivalDay = arrivalDay;
        this.firstOrderDay = firstOrderDay;
    }

    /** The population a behaviour file and its seed describe, arrivals spread evenly over the arrival days. */
    static List<Shopper> population(Behaviour behaviour, Dice dice) {
        Map<String, Double> shares = new LinkedHashMap<>();
        behaviour.segments().forEach(segment -> shares.put(segment.name(), segment.share()));
        List<Shopper> shoppers = new ArrayList<>();
        IntStream.range(0, behaviour.customers()).forEach(i -> {
            String name = dice.pick(i, "segment", 0, shares);
            Behaviour.Segment segment = behaviour.segments().stream()
                    .filter(s -> s.name().equals(name))
                    .findFirst()
                    .orElseThrow();
            Map<String, Double> zones = new LinkedHashMap<>();
            segment.timeZones().forEach(zone -> zones.put(zone.zone(), zone.share()));
            String zoneId = dice.pick(i, "time-zone", 0, zones);
            Behaviour.TimeZone home = segment.timeZones().stream()
                    .filter(z -> z.zone().equals(zoneId))
                    .findFirst()
                    .orElseThrow();
            int arrivalDay = (int) ((long) i * behaviour.firstOrdersWithinDays() / behaviour.customers());
            shoppers.add(new Shopper(
                    i,
                    segment,
                    home,
                    dice.chance(i, "consent", 0, segment.marketingConsent()),
                    arrivalDay,
                    firstOrderDay(i, segment.beforeFirstOrder(), arrivalDay, dice)));
        });
        return shoppers;
    }

    private static Integer firstOrderDay(int i, Behaviour.BeforeFirstOrder before, int arrivalDay, Dice dice) {
        if (before == null) {
            return arrivalDay;
        }
        if (!dice.chance(i, "orders-on-their-own", 0, before.ordersOnTheirOwn())) {
            return null;
        }
        return arrivalDay + 1 + dice.below(i, "first-order-day", 0, before.ordersWithinDays());
    }

    String email() {
        return "shopper-%05d@sim.nurture.example".formatted(index);
    }

    /** The shop's id of the visitor before it knows who they are. */
    String anonymousId() {
        return "visitor-%05d".formatted(index);
    }

    String name() {
        return "Shopper " + index;
    }

    boolean hasOpenOrder() {
        return openOrderId != null;
    }

    boolean beforeFirstOrder() {
        return ordersPlaced == 0 && segment.beforeFirstOrder() != null;
    }

    /** What the order tells the shop: a confirmed sign-up keeps its consent. */
    boolean consentOnOrder() {
        return marketingConsent || confirmedSignUp;
    }
}
