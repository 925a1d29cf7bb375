package io.nurture.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One run: the population lives through the simulated days on one app. Each day the clock moves to
 * midnight UTC and the app settles, then to noon UTC, where it stands still, and the app settles
 * (the timers that fell due have run); customers read their mail and act (first orders, reorders,
 * deliveries, invoice payments, survey answers, coupons); the app settles again and the mail those
 * actions caused is read.
 */
final class Rehearsal {

    /** Customers act at noon UTC. */
    private static final int ACTION_HOUR = 12;

    /**
     * Timers fall due only when the clock moves. A message the contact policy held for a customer's
     * morning (08:00 local) waits on one, and at noon UTC alone it fell due when that customer was
     * in quiet hours again (06:00 in Chicago, 22:00 in Sydney): held anew every day, never sent.
     * Moves twelve hours apart send it by 20:00 local at the latest, whatever the customer's zone.
     */
    private static final Duration NIGHT = Duration.ofHours(12);

    private static final int STOCK = 1_000_000;
    /** Customers and carriers calling at once: the shop's traffic is not one request at a time. */
    private static final int CLIENTS = 8;

    private final Behaviour behaviour;
    private final NurtureApi api;
    private final Mailbox mailbox;
    private final Settle settle;
    private final PrintStream progress;
    private final Dice dice;
    private final List<Shopper> shoppers;
    private final Map<String, Shopper> byEmail;
    private final Map<Integer, List<Action>> agenda = new HashMap<>();
    private final Set<String> surveysSeen = new HashSet<>();
    private final Set<String> couponsSeen = new HashSet<>();
    private final Tally tally;
    private final Parallel parallel;
    private final Map<String, JsonNode> looked = new ConcurrentHashMap<>();
    private int careCasesOpen;
    /** A customer called the app while reading mail, after it last settled. */
    private boolean actedSinceSettled;

    private record Action(int shopper, int order, Runnable step) {}

    Rehearsal(Behaviour behaviour, NurtureApi api, Mailbox mailbox, Settle settle, PrintStream progress) {
        this.behaviour = behaviour;
        this.api = api;
        this.mailbox = mailbox;
        this.settle = settle;
        this.progress = progress;
        this.dice = new Dice(behaviour.seed());
        this.shoppers = Shopper.population(behaviour, dice);
        this.byEmail = shoppers.stream().collect(Collectors.toMap(Shopper::email, Function.identity()));
        this.tally = new Tally(behaviour.customers());
        this.parallel = new Parallel(CLIENTS);
    }

    Instant firstMoment() {
        return behaviour.start().atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    Instant endMoment() {
        return firstMoment().plus(Duration.ofDays(behaviour.days()));
    }

    Tally run() throws InterruptedException {
        Instant noon = firstMoment().plus(Duration.ofHours(ACTION_HOUR));
        if (!api.now().isBefore(noon)) {
            throw new IllegalArgumentException("start: " + behaviour.start() + " is not ahead of the app's clock ("
                    + api.now() + "); the engine's clock only moves forward, so choose a later start");
        }
        behaviour.products().forEach(sku -> api.restock(sku, STOCK));
        long started = System.nanoTime();
        long jobsBefore = api.activity(false).jobsStarted();
        for (int day = 0; day < behaviour.days(); day++) {
            Instant today = noon.plus(Duration.ofDays(day));
            if (day > 0) {
                passTheNight(today.minus(NIGHT));
            }
            moveClockTo(today);
            readMail(day);
            resolveCareCases(day);
            List<Runnable> orders = new ArrayList<>();
            for (Shopper shopper : shoppers) {
                arrive(day, today, shopper);
                decideToOrder(day, shopper, orders);
            }
            parallel.run(orders);
            parallel.run(agenda.getOrDefault(day, List.of()).stream()
                    .sorted(Comparator.comparingInt(Action::shopper).thenComparingInt(Action::order))
                    .map(Action::step)
                    .toList());
            agenda.remove(day);
            readMail(day);
            report(day, started, jobsBefore);
        }
        moveClockTo(endMoment());
        readMail(behaviour.days());
        parallel.close();
        tally.ordersPlaced = ordersPlaced();
        tally.ordersWithCoupon =
                shoppers.stream().mapToLong(s -> s.ordersWithCoupon).sum();
        shoppers.stream().map(s -> s.customerId).filter(Objects::nonNull).forEach(tally.customerIds::add);
        tally.jobs = api.activity(false).jobsStarted() - jobsBefore;
        tally.wallClock = Duration.ofNanos(System.nanoTime() - started);
        return tally;
    }

    /**
     * The app's clock stands still between moves: what happens after a move is stamped with its
     * moment (a held message's send with midnight, the customers' day with noon), whatever it costs
     * in real time. The engine's runs on for the seconds a day takes, so a failed
     * job's retry backoff ends the same day; the journeys' timers (hours, days) fall due at a move.
     * The mail read next waits for the app to settle.
     *
     * <p>When customers acted on reading the day's last mail (a confirmed sign-up, an unsubscribe),
     * the move waits for the app to settle first: those send messages to the engine, and a request
     * in flight when the engine's clock jumps a day times out at once (the embedded gateway's request
     * timeout runs on that clock); its retry would then be due only after the next move, which
     * waits for it. Without such acts the app settled when the mail was read.
     */
    private void moveClockTo(Instant target) throws InterruptedException {
        if (actedSinceSettled) {
            settle.await();
            actedSinceSettled = false;
        }
        api.holdAt(target);
    }

    /** The night's mail waits in the inboxes until noon, when customers read. */
    private void passTheNight(Instant midnight) throws InterruptedException {
        moveClockTo(midnight);
        settle.await();
    }

    private void readMail(int day) throws InterruptedException {
        settle.await();
        actedSinceSettled = false;
        List<Mailbox.Mail> mails = new ArrayList<>(mailbox.take());
        mails.sort(Comparator.comparing(Mailbox.Mail::recipient).thenComparing(Mailbox.Mail::template));
        lookUpAtOnce(mails);
        for (Mailbox.Mail mail : mails) {
            Shopper shopper = byEmail.get(mail.recipient());
            if (shopper != null) {
                tally.received(shopper.index, mail);
                react(day, shopper, mail);
            }
        }
    }

    /**
     * What the day's mail sends its readers to look up (a shipped order, their surveys, their
     * coupons), asked for side by side: the answers are read in the mail's fixed order afterwards.
     */
    private void lookUpAtOnce(List<Mailbox.Mail> mails) {
        looked.clear();
        Set<String> paths = new LinkedHashSet<>();
        for (Mailbox.Mail mail : mails) {
            Shopper shopper = byEmail.get(mail.recipient());
            if (shopper != null) {
                String path = lookUpFor(shopper, mail.template());
                if (path != null) {
                    paths.add(path);
                }
            }
        }
        parallel.run(paths.stream()
                .<Runnable>map(path -> () -> looked.put(path, api.get(path)))
                .toList());
    }

    private static String lookUpFor(Shopper shopper, String template) {
        return switch (template) {
            case "order-shipped" -> shopper.openOrderId == null ? null : "/api/orders/" + shopper.openOrderId;
            case "survey" -> "/api/customers/" + shopper.customerId + "/surveys";
            case "win-back", "service-recovery" -> "/api/customers/" + shopper.customerId + "/coupons";
            default -> null;
        };
    }

    private JsonNode lookedUp(Shopper shopper, String template) {
        String path = lookUpFor(shopper, template);
        JsonNode answer = looked.get(path);
        return answer != null ? answer : api.get(path);
    }

    /**
     * A shopper whose segment describes the time before the first order signs up on arriving, looks
     * at a product the next day and leaves a checkout the day after, as the dice say; the shop
     * reports each as it happens, and nothing once they ordered.
     */
    private void arrive(int day, Instant today, Shopper shopper) {
        Behaviour.BeforeFirstOrder before = shopper.segment.beforeFirstOrder();
        if (before == null || day != shopper.arrivalDay) {
            return;
        }
        int i = shopper.index;
        List<String> products = behaviour.products();
        String sku = products.get(dice.below(i, "product-looked-at", 0, products.size()));
        if (dice.chance(i, "signs-up", 0, before.signsUp())) {
            plan(day, shopper, 7, () -> {
                shopper.signedUp = true;
                api.signUp(shopper, today);
            });
            tally.signUps++;
        }
        if (dice.chance(i, "browses", 0, before.browses())) {
            plan(day + 1, shopper, 8, () -> {
                if (shopper.beforeFirstOrder()) {
                    ObjectNode view = NurtureApi.event("PRODUCT_VIEWED").put("sku", sku);
                    api.shopEvents(
                            shopper, today.plus(Duration.ofDays(1)), List.of(view, view.deepCopy(), view.deepCopy()));
                }
            });
        }
        if (dice.chance(i, "abandons-checkout", 0, before.abandonsCheckout())) {
            plan(day + 2, shopper, 9, () -> {
                if (shopper.beforeFirstOrder()) {
                    ObjectNode checkout = NurtureApi.event("CHECKOUT_STARTED");
                    checkout.putObject("cart")
                            .put("cartId", "cart-" + shopper.anonymousId())
                            .putArray("lines")
                            .addObject()
                            .put("sku", sku)
                            .put("quantity", 1);
                    api.shopEvents(shopper, today.plus(Duration.ofDays(2)), List.of(checkout));
                }
            });
        }
    }

    private void react(int day, Shopper shopper, Mailbox.Mail mail) {
        Behaviour.Segment segment = shopper.segment;
        if (shopper.beforeFirstOrder()) {
            respondBeforeFirstOrder(day, shopper, mail);
        }
        if (mail.marketing()) {
            shopper.marketingMails++;
            if (!shopper.unsubscribed
                    && dice.chance(
                            shopper.index,
                            "unsubscribe",
                            shopper.marketingMails,
                            segment.unsubscribePerMarketingMail())) {
                api.unsubscribe(mail.unsubscribePath());
                actedSinceSettled = true;
                shopper.unsubscribed = true;
                tally.unsubscribed++;
            }
        }
        switch (mail.template()) {
            case "order-shipped" -> {
                String tracking = lookedUp(shopper, "order-shipped")
                        .path("trackingNumber")
                        .asText();
                plan(day + segment.deliveryDays(), shopper, 1, () -> api.deliver(tracking));
            }
            case "invoice-issued" -> {
                if (!dice.chance(shopper.index, "invoice-unpaid", shopper.ordersPlaced, segment.invoiceUnpaid())) {
                    String orderId = shopper.openOrderId;
                    var total = shopper.openOrderTotal;
                    plan(
                            day + Math.max(1, segment.invoicePaidAfterDays()),
                            shopper,
                            2,
                            () -> api.payInvoice(orderId, total));
                }
            }
            case "order-delivered" -> {
                shopper.lastDeliveryDay = day;
                mayReturn(day, shopper, shopper.openOrderId);
                shopper.openOrderId = null;
            }
            case "return-label" -> {
                for (JsonNode labelled : returnsOf(shopper, "AWAITING_PARCEL", shopper.parcelsSent)) {
                    String label = labelled.path("labelTrackingNumber").asText();
                    plan(day + segment.deliveryDays(), shopper, 5, () -> api.sendParcelBack(label));
                }
            }
            case "return-received" -> {
                for (JsonNode back : returnsOf(shopper, "RECEIVED", shopper.parcelsInspected)) {
                    String returnId = back.path("returnId").asText();
                    plan(day + 1, shopper, 6, () -> api.inspectAndAcceptAll(returnId));
                }
            }
            case "order-cancelled", "order-rejected" -> shopper.openOrderId = null;
            case "survey" -> answerSurveys(day, shopper);
            case "win-back" -> useCoupons(day, shopper);
            case "service-recovery" -> {
                careCasesOpen++;
                useCoupons(day, shopper);
            }
            case "re-engagement" -> {
                if (dice.chance(
                        shopper.index, "re-engagement", shopper.marketingMails, segment.reEngagementResponse())) {
                    planOrder(
                            shopper,
                            day + 1 + dice.below(shopper.index, "re-engagement-day", shopper.marketingMails, 7),
                            null);
                }
            }
            default -> {}
        }
    }

    /** A confirmation link followed, or the mail that brings the first order, as the dice say. */
    private void respondBeforeFirstOrder(int day, Shopper shopper, Mailbox.Mail mail) {
        Behaviour.BeforeFirstOrder before = shopper.segment.beforeFirstOrder();
        int n = ++shopper.mailsBeforeFirstOrder;
        if (mail.confirmPath() != null
                && !shopper.confirmedSignUp
                && dice.chance(shopper.index, "confirms-sign-up", 0, before.confirmsSignUp())) {
            api.confirmSignUp(mail.confirmPath());
            actedSinceSettled = true;
            shopper.confirmedSignUp = true;
            tally.signUpsConfirmed++;
        }
        double response = before.mailResponse().getOrDefault(mail.template(), 0.0);
        if (dice.chance(shopper.index, "mail-response", n, response)) {
            planOrder(shopper, day + 1, null);
        }
    }

    /**
     * The shopper's returns in this status not acted on yet (a shopper may have several under way:
     * the mail says what happened, not to which), each marked as acted on.
     */
    private List<JsonNode> returnsOf(Shopper shopper, String status, Set<String> actedOn) {
        List<JsonNode> found = new ArrayList<>();
        for (String orderId : shopper.returningOrders) {
            JsonNode latest = api.returnOf(orderId);
            if (status.equals(latest.path("status").asText())
                    && actedOn.add(latest.path("returnId").asText())) {
                found.add(latest);
            }
        }
        return found;
    }

    /** Some delivered orders go back: one unit of the first product, a while after delivery. */
    private void mayReturn(int day, Shopper shopper, String orderId) {
        Behaviour.Segment segment = shopper.segment;
        int n = ++shopper.returnsAsked;
        if (orderId != null && dice.chance(shopper.index, "return", n, segment.returnAfterDelivery())) {
            String reason = dice.pick(shopper.index, "return-reason", n, segment.returnReasons());
            shopper.returningOrders.add(orderId);
            tally.returnsAsked++;
            plan(day + segment.returnAfterDays(), shopper, 4, () -> api.requestReturn(orderId, reason));
        }
    }

    private void answerSurveys(int day, Shopper shopper) {
        for (JsonNode survey : lookedUp(shopper, "survey")) {
            String token = survey.path("token").asText();
            if ("SENT".equals(survey.path("status").asText()) && surveysSeen.add(token)) {
                int n = ++shopper.surveysSeen;
                if (dice.chance(shopper.index, "survey-answered", n, shopper.segment.surveyAnswered())) {
                    int score = dice.pick(shopper.index, "nps", n, shopper.segment.nps());
                    plan(day + 1, shopper, 3, () -> api.answerSurvey(token, score));
                }
            }
        }
    }

    private void useCoupons(int day, Shopper shopper) {
        for (JsonNode coupon : lookedUp(shopper, "win-back")) {
            String code = coupon.path("code").asText();
            if (!coupon.path("redeemed").asBoolean() && couponsSeen.add(code)) {
                int n = ++shopper.couponsSeen;
                if (dice.chance(shopper.index, "coupon", n, shopper.segment.couponResponse())) {
                    planOrder(shopper, day + 1 + dice.below(shopper.index, "coupon-day", n, 7), code);
                }
            }
        }
    }

    private void planOrder(Shopper shopper, int day, String couponCode) {
        if (shopper.plannedOrderDay == null || day < shopper.plannedOrderDay) {
            shopper.plannedOrderDay = day;
        }
        if (couponCode != null) {
            shopper.couponToUse = couponCode;
        }
    }

    /** Decided in the shoppers' fixed order; the orders themselves are placed side by side. */
    private void decideToOrder(int day, Shopper shopper, List<Runnable> orders) {
        if (shopper.hasOpenOrder()) {
            return;
        }
        boolean first = shopper.ordersPlaced == 0 && shopper.firstOrderDay != null && day == shopper.firstOrderDay;
        boolean planned = shopper.plannedOrderDay != null && shopper.plannedOrderDay <= day;
        boolean onTheirOwn = shopper.lastDeliveryDay != null
                && dice.chance(shopper.index, "reorder", day, shopper.segment.reorderPerDay());
        if (first || planned || onTheirOwn) {
            String coupon = planned ? shopper.couponToUse : null;
            orders.add(() -> placeOrder(shopper, coupon));
            shopper.plannedOrderDay = null;
            shopper.couponToUse = null;
        }
    }

    private void placeOrder(Shopper shopper, String couponCode) {
        int k = shopper.ordersPlaced;
        List<String> products = behaviour.products();
        int size = Math.min(
                products.size(), 1 + dice.below(shopper.index, "basket-size", k, shopper.segment.basketSize()));
        int first = dice.below(shopper.index, "basket", k, products.size());
        List<String> basket = new ArrayList<>();
        for (int j = 0; j < size; j++) {
            basket.add(products.get((first + j) % products.size()));
        }
        boolean invoice = dice.chance(shopper.index, "invoice", k, shopper.segment.invoice());
        NurtureApi.Placed placed = api.placeOrder(shopper, basket, invoice, couponCode);
        boolean couponRefused = placed == null;
        if (couponRefused) {
            placed = api.placeOrder(shopper, basket, invoice, null);
        }
        shopper.openOrderId = placed.orderId();
        shopper.openOrderTotal = placed.total();
        shopper.ordersPlaced++;
        if (couponCode != null && !couponRefused) {
            shopper.ordersWithCoupon++;
        }
        if (shopper.customerId == null) {
            shopper.customerId = api.order(placed.orderId()).path("customerId").asText();
        }
    }

    /**
     * Staff call back each detractor: the care case is resolved a set number of days after it
     * opened. Staff look when a detractor got their apology (it comes with the case), and weekly.
     */
    private void resolveCareCases(int day) {
        if (careCasesOpen == 0 && day % 7 != 0) {
            return;
        }
        Instant due = api.now().minus(Duration.ofDays(behaviour.careCasesResolvedAfterDays()));
        JsonNode open = api.get("/api/care-cases?status=OPEN");
        careCasesOpen = open.size();
        for (JsonNode careCase : open) {
            if (!Instant.parse(careCase.path("openedAt").asText()).isAfter(due)) {
                api.resolveCareCase(careCase.path("id").asText());
                careCasesOpen--;
            }
        }
    }

    private void plan(int day, Shopper shopper, int order, Runnable step) {
        agenda.computeIfAbsent(day, d -> new ArrayList<>()).add(new Action(shopper.index, order, step));
    }

    private void report(int day, long started, long jobsBefore) {
        boolean last = day == behaviour.days() - 1;
        if (day % 10 != 9 && !last) {
            return;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long jobs = api.activity(false).jobsStarted() - jobsBefore;
        long customers = shoppers.stream().filter(s -> s.ordersPlaced > 0).count();
        progress.printf(
                "  day %3d/%d  customers %5d  orders %6d  jobs %7d  %5.0f jobs/s  %4.0f s%n",
                day + 1, behaviour.days(), customers, ordersPlaced(), jobs, jobs / seconds, seconds);
        if (last && settle.pollWaits() != null) {
            progress.println("  " + settle.pollWaits());
        }
    }

    private long ordersPlaced() {
        return shoppers.stream().mapToLong(s -> s.ordersPlaced).sum();
    }

    /** What the customers did and received, counted by the simulation itself. */
    static final class Tally {

        final long[] marketingMails;
        final long[] transactionalMails;
        final Map<String, Long> mailsByTemplate = new TreeMap<>();
        final Set<String> customerIds = new HashSet<>();
        long ordersPlaced;
        long ordersWithCoupon;
        long returnsAsked;
        long unsubscribed;
        long signUps;
        long signUpsConfirmed;
        long jobs;
        Duration wallClock;

        Tally(int customers) {
            marketingMails = new long[customers];
            transactionalMails = new long[customers];
        }

        void received(int shopper, Mailbox.Mail mail) {
            (mail.marketing() ? marketingMails : transactionalMails)[shopper]++;
            mailsByTemplate.merge(mail.template(), 1L, Long::sum);
        }
    }
}
