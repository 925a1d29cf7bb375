package io.nurture.returns;

import io.nurture.checkout.OrderPlacement;
import io.nurture.inventory.InventoryService;
import io.nurture.inventory.Product;
import io.nurture.notification.Category;
import io.nurture.notification.NotificationService;
import io.nurture.orchestration.ProcessMessages;
import io.nurture.order.Order;
import io.nurture.order.OrderEnded;
import io.nurture.order.OrderLine;
import io.nurture.order.OrderService;
import io.nurture.order.OrderStatus;
import io.nurture.order.PaymentMethod;
import io.nurture.payment.Payment;
import io.nurture.payment.PaymentService;
import io.nurture.persistence.RaceRetries;
import io.nurture.shipping.ReturnLabels;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A return from request to refund. Each step locks the return's row first (then the order's): a
 * job handed out twice, or staff calling while a step runs, go one after the other, and a step run
 * again finds its work done. Carrier and payment provider are called outside any transaction.
 */
@Service
public class ReturnService {

    private static final String CUSTOMER_PAYS = "CUSTOMER";

    private final ReturnRepository returns;
    private final OrderService orders;
    private final InventoryService inventory;
    private final PaymentService payments;
    private final ReturnLabels labels;
    private final OrderPlacement replacements;
    private final NotificationService notifications;
    private final ProcessMessages messages;
    private final ReturnProperties properties;
    private final TransactionTemplate transaction;
    private final RaceRetries races;
    private final ReturnMeters meters;
    private final Clock clock;

    ReturnService(
            ReturnRepository returns,
            OrderService orders,
            InventoryService inventory,
            PaymentService payments,
            ReturnLabels labels,
            OrderPlacement replacements,
            NotificationService notifications,
            ProcessMessages messages,
            ReturnProperties properties,
            PlatformTransactionManager transactions,
            ReturnMeters meters,
            Clock clock) {
        this.returns = returns;
        this.orders = orders;
        this.inventory = inventory;
        this.payments = payments;
        this.labels = labels;
        this.replacements = replacements;
        this.notifications = notifications;
        this.messages = messages;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.races = new RaceRetries(transactions);
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Takes a return for a delivered order: each line a product of the order, at most what was
     * delivered less what other returns take back. The return and its process's start are written
     * in one transaction; the same request again (its Idempotency-Key) answers the same return.
     */
    public CustomerReturn request(NewReturn asked) {
        // The same id for another order may commit first (one order's requests wait on its lock):
        // asked again, its return refuses this request as the key's reuse, as it would have later.
        return races.run(() -> requestOnce(asked));
    }

    private CustomerReturn requestOnce(NewReturn asked) {
        Order order = orders.lock(asked.orderId());
        var earlier = returns.findById(asked.returnId());
        if (earlier.isPresent()) {
            return loaded(sameRequest(earlier.get(), asked));
        }
        if (order.getStatus() != OrderStatus.DELIVERED) {
            throw new InvalidReturnException(
                    "orderId", "is " + order.getStatus() + ": items can be returned once the order is delivered");
        }
        if (order.getReplacesOrderId() != null && asked.remedy() == Remedy.REFUND) {
            // Its total is zero: a refund would be worth nothing, and the money stays with the order it replaces.
            throw new InvalidReturnException(
                    "remedy",
                    "cannot be money back: this order replaced items of order " + order.getReplacesOrderId()
                            + " at no cost. Ask for the same items again, or ask the shop to refund order "
                            + order.getReplacesOrderId());
        }
        checkLines(asked.lines(), returnable(order));
        CustomerReturn requested = returns.save(new CustomerReturn(
                asked.returnId(),
                order.getId(),
                asked.remedy(),
                asked.requestFingerprint(),
                asked.lines().stream()
                        .map(line -> new ReturnLine(line.sku(), line.quantity(), line.reason(), line.comment()))
                        .toList(),
                clock.instant()));
        orders.note(order, "Return " + requested.getId() + " requested");
        meters.requested(requested.getLines());
        tellCustomer(order, requested, "return-requested", Map.of());
        messages.returnRequested(requested.getId(), order.getId());
        return loaded(requested);
    }

    private static CustomerReturn sameRequest(CustomerReturn earlier, NewReturn asked) {
        if (!earlier.getOrderId().equals(asked.orderId())
                || earlier.getRemedy() != asked.remedy()
                || !Objects.equals(earlier.getRequestFingerprint(), asked.requestFingerprint())) {
            throw new ReturnRequestReusedException();
        }
        return earlier;
    }

    /** Per SKU, how many the order delivered (a SKU may stand on several lines). */
    private static Map<String, Integer> deliveredBySku(Order order) {
        Map<String, Integer> delivered = new HashMap<>();
        order.getLines().forEach(line -> delivered.merge(line.getSku(), line.getQuantity(), Integer::sum));
        return delivered;
    }

    /** Per SKU, what was delivered and is not taken back by another return. */
    private Map<String, Integer> returnable(Order order) {
        Map<String, Integer> left = deliveredBySku(order);
        returns.findByOrderIdOrderByCreatedAtAsc(order.getId()).stream()
                .filter(CustomerReturn::takesBack)
                .flatMap(other -> other.getLines().stream())
                .forEach(line -> left.computeIfPresent(line.getSku(), (sku, n) -> n - line.claimed()));
        return left;
    }

    private static void checkLines(List<NewReturn.Line> lines, Map<String, Integer> returnable) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            NewReturn.Line line = lines.get(i);
            String field = "lines[" + i + "].";
            if (!seen.add(line.sku())) {
                throw new InvalidReturnException(field + "sku", "is listed twice");
            }
            Integer left = returnable.get(line.sku());
            if (left == null) {
                throw new InvalidReturnException(field + "sku", "is not in the order");
            }
            if (line.quantity() > left) {
                throw new InvalidReturnException(
                        field + "quantity", "is more than can be returned: " + Math.max(left, 0) + " of " + line.sku());
            }
        }
    }

    /** A return of one of these orders still under way (its money or goods not settled), if any. */
    @Transactional(readOnly = true)
    public Optional<CustomerReturn> underWay(List<String> orderIds) {
        return orderIds.isEmpty()
                ? Optional.empty()
                : returns.findByOrderIdIn(orderIds).stream()
                        .filter(ret -> !ret.getStatus().isFinished())
                        .findFirst();
    }

    /**
     * The delivered order behind a return link, with what its customer can still send back; empty
     * for a token no delivery mail carried.
     */
    @Transactional(readOnly = true)
    public Optional<ReturnableOrder> returnableByLink(String returnToken) {
        return orders.byReturnToken(returnToken)
                .filter(order ->
                        order.getStatus() == OrderStatus.DELIVERED || order.getStatus() == OrderStatus.RETURNED)
                .map(order -> {
                    Map<String, Integer> left = returnable(order);
                    Map<String, Product> products = inventory.products(List.copyOf(left.keySet()));
                    return new ReturnableOrder(
                            order.getId(),
                            order.getReplacesOrderId() != null,
                            order.getLines().stream()
                                    .map(OrderLine::getSku)
                                    .distinct()
                                    .map(sku -> new ReturnableOrder.Line(
                                            sku, products.get(sku).getName(), Math.max(left.get(sku), 0)))
                                    .toList());
                });
    }

    /** What the eligibility table decides on. */
    @Transactional(readOnly = true)
    ReturnFacts facts(String returnId) {
        CustomerReturn asked = find(returnId);
        Order order = orders.get(asked.getOrderId());
        Map<String, Product> products = inventory.products(
                asked.getLines().stream().map(ReturnLine::getSku).toList());
        return new ReturnFacts(
                Duration.between(order.getDeliveredAt(), clock.instant()).toDays(),
                ReturnReason.decisive(asked.getLines().stream()
                                .map(ReturnLine::getReason)
                                .toList())
                        .name(),
                products.values().stream().anyMatch(Product::isFood),
                valueOf(order, quantities(asked, ReturnLine::getQuantity)),
                asked.getRemedy().name());
    }

    /**
     * What the quantities of each SKU cost the customer: per SKU, the average price its order lines
     * charged (a SKU may stand on several lines), with a coupon's discount shared out over the lines.
     */
    private static BigDecimal valueOf(Order order, Map<String, Integer> quantities) {
        Map<String, BigDecimal> amounts = new HashMap<>();
        Map<String, Integer> units = new HashMap<>();
        BigDecimal subtotal = BigDecimal.ZERO;
        for (OrderLine line : order.getLines()) {
            amounts.merge(line.getSku(), line.getAmount(), BigDecimal::add);
            units.merge(line.getSku(), line.getQuantity(), Integer::sum);
            subtotal = subtotal.add(line.getAmount());
        }
        if (subtotal.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal listed = BigDecimal.ZERO;
        for (Map.Entry<String, Integer> asked : quantities.entrySet()) {
            if (units.getOrDefault(asked.getKey(), 0) > 0) {
                listed = listed.add(amounts.get(asked.getKey())
                        .multiply(BigDecimal.valueOf(asked.getValue()))
                        .divide(BigDecimal.valueOf(units.get(asked.getKey())), 10, RoundingMode.HALF_UP));
            }
        }
        return listed.multiply(order.getTotal()).divide(subtotal, 2, RoundingMode.HALF_UP);
    }

    private static Map<String, Integer> quantities(CustomerReturn ret, ToIntFunction<ReturnLine> howMany) {
        return ret.getLines().stream().collect(Collectors.toMap(ReturnLine::getSku, howMany::applyAsInt));
    }

    @Transactional
    void holdForReview(String returnId) {
        CustomerReturn held = lock(returnId);
        if (held.move(ReturnStatus.IN_REVIEW, "The return rules ask staff to look first", clock.instant())) {
            notifications.alertOps(
                    orders.get(held.getOrderId()),
                    "return-review-requested",
                    "return-review-" + returnId,
                    Map.of("returnId", returnId));
        }
    }

    /** Staff approve or refuse a return in review; a refusal's note is what the customer reads. */
    @Transactional
    public CustomerReturn review(String returnId, boolean approved, String note, String staffClient) {
        CustomerReturn inReview = lock(returnId);
        if (inReview.getStatus() != ReturnStatus.IN_REVIEW || inReview.getReviewNote() != null) {
            throw new ReturnStateConflictException(
                    "Return " + returnId + " is " + inReview.getStatus() + ": there is no review to decide");
        }
        inReview.reviewed(note == null ? "" : note);
        if (!approved) {
            inReview.rejected(note);
        }
        String decision = "Return " + returnId + (approved ? " approved in review" : " refused in review");
        orders.noteDecision(
                orders.lock(inReview.getOrderId()),
                note == null || note.isBlank() ? decision : decision + ": " + note,
                staffClient);
        messages.returnReviewed(returnId, approved);
        return loaded(inReview);
    }

    /** @param returnApproved the review as the return holds it */
    public record Reviewed(boolean returnApproved) {}

    /**
     * What the review decided, as the return holds it: staff's decision if it came first; otherwise
     * (3 days without one) an approval, recorded so that a staff decision arriving later is refused
     * instead of contradicting the process.
     */
    @Transactional
    Reviewed recordReview(String returnId) {
        CustomerReturn reviewed = lock(returnId);
        if (reviewed.getReviewNote() == null) {
            reviewed.reviewed("No staff decision within 3 days: approved");
        }
        return new Reviewed(reviewed.getRejectionReason() == null);
    }

    @Transactional
    void reject(String returnId, String tableReason) {
        CustomerReturn refused = lock(returnId);
        String reason = refused.getRejectionReason() != null ? refused.getRejectionReason() : tableReason;
        refused.rejected(reason);
        if (refused.move(ReturnStatus.REJECTED, reason, clock.instant())) {
            tellCustomer(refused, "return-rejected", Map.of("reason", reason));
        }
    }

    /** Books the label with the carrier (outside any transaction), then sends it. */
    void sendLabel(String returnId, String orderId, String shippingPaidBy) {
        String trackingNumber = labels.book(returnId, orderId);
        transaction.executeWithoutResult(status -> {
            CustomerReturn approved = lock(returnId);
            approved.labelled(trackingNumber);
            boolean customerPays = CUSTOMER_PAYS.equals(shippingPaidBy);
            if (approved.move(ReturnStatus.AWAITING_PARCEL, "Return label " + trackingNumber, clock.instant())) {
                tellCustomer(
                        approved,
                        "return-label",
                        Map.of(
                                "trackingNumber", trackingNumber,
                                "customerPays", customerPays,
                                "labelFee", properties.labelFee().toPlainString()));
            }
        });
    }

    @Transactional
    void parcelReceived(String returnId) {
        CustomerReturn back = lock(returnId);
        if (back.move(ReturnStatus.RECEIVED, "Parcel back at the shop", clock.instant())) {
            tellCustomer(back, "return-received", Map.of());
            notifications.alertOps(
                    orders.get(back.getOrderId()),
                    "return-to-inspect",
                    "return-inspect-" + returnId,
                    Map.of("returnId", returnId));
        }
    }

    /** Staff's inspection of a parcel that is back; the return's process settles it once this committed. */
    @Transactional
    public CustomerReturn inspect(String returnId, Inspection inspection, String staffClient) {
        CustomerReturn back = lock(returnId);
        if (back.getStatus() != ReturnStatus.RECEIVED) {
            throw new ReturnStateConflictException("Return " + returnId + " is " + back.getStatus()
                    + ": only a parcel that is back (RECEIVED) can be inspected");
        }
        Map<String, ReturnLine> lines =
                back.getLines().stream().collect(Collectors.toMap(ReturnLine::getSku, line -> line));
        Map<String, Inspection.Line> found = checkInspection(inspection.lines(), lines);
        lines.forEach((sku, line) -> line.inspected(
                found.containsKey(sku) ? found.get(sku).accepted() : 0,
                found.containsKey(sku) && found.get(sku).sellable()));
        back.inspected(inspection.note());
        back.move(ReturnStatus.INSPECTED, inspection.note(), clock.instant());
        orders.noteDecision(orders.lock(back.getOrderId()), inspected(back), staffClient);
        messages.returnParcelInspected(returnId);
        return loaded(back);
    }

    private static String inspected(CustomerReturn back) {
        int sent = back.getLines().stream().mapToInt(ReturnLine::getQuantity).sum();
        int accepted =
                back.getLines().stream().mapToInt(ReturnLine::getAccepted).sum();
        return "Return " + back.getId() + " inspected: " + accepted + " of " + sent + " items accepted";
    }

    private static Map<String, Inspection.Line> checkInspection(
            List<Inspection.Line> found, Map<String, ReturnLine> asked) {
        Map<String, Inspection.Line> bySku = new HashMap<>();
        for (int i = 0; i < found.size(); i++) {
            Inspection.Line line = found.get(i);
            String field = "lines[" + i + "].";
            if (!asked.containsKey(line.sku())) {
                throw new InvalidReturnException(field + "sku", "is not in the return");
            }
            if (bySku.put(line.sku(), line) != null) {
                throw new InvalidReturnException(field + "sku", "is listed twice");
            }
            if (line.accepted() > asked.get(line.sku()).getQuantity()) {
                throw new InvalidReturnException(
                        field + "accepted",
                        "is more than the return sent back: "
                                + asked.get(line.sku()).getQuantity());
            }
        }
        return bySku;
    }

    @Transactional
    void closeUnsent(String returnId) {
        CustomerReturn unsent = lock(returnId);
        if (labels.received(returnId)) {
            // The parcel came in as the 21 days ran out, its news a moment behind the timer.
            parcelAfterClosing(unsent, "Parcel back as the return closed: ops inspect and refund it by hand");
            return;
        }
        if (unsent.move(ReturnStatus.NOT_SENT_BACK, "No parcel within 21 days of the label", clock.instant())) {
            tellCustomer(unsent, "return-not-sent-back", Map.of());
        }
    }

    /**
     * A parcel the carrier brought back after its return closed as not sent back: the return's
     * process has ended, so ops are told to inspect it and refund by hand (a goodwill refund).
     */
    @Transactional
    public void parcelArrived(String returnId) {
        CustomerReturn closed = lock(returnId);
        if (closed.getStatus() == ReturnStatus.NOT_SENT_BACK) {
            parcelAfterClosing(closed, "Parcel back after the return closed: ops inspect and refund it by hand");
        }
    }

    /**
     * A replacement that ended before it shipped (its risk review unanswered, its backorder expired,
     * a cancellation) would leave the customer without the items and without their money: what a
     * refund of the returned items would have given back (their value less the fees a refund keeps)
     * goes back to them from the order they were returned from, in the transaction that ended the
     * replacement, and the return's timeline says so. Where that order keeps nothing to refund (it
     * was a replacement itself, at no cost), ops are asked to settle it with the customer.
     */
    @EventListener
    public void replacementEnded(OrderEnded ended) {
        returns.findReplacedByForUpdate(ended.orderId()).ifPresent(replaced -> {
            String refundId = UUID.nameUUIDFromBytes(
                            ("replacement not shipped " + replaced.getId()).getBytes(StandardCharsets.UTF_8))
                    .toString();
            // Once, though the step that ended the order may run again (a job is delivered at least once);
            // asked before the order that took the money is locked, which erasure locks in its own order.
            if (payments.refundById(refundId).isPresent()) {
                return;
            }
            String outcome = "Replacement order " + ended.orderId() + " "
                    + ended.status().name().toLowerCase(Locale.ROOT) + " before it shipped";
            Optional<Payment> refund = payments.refundInsteadOfReplacement(
                    refundId, replaced.getOrderId(), refundWorth(replaced), outcome);
            if (refund.isPresent()) {
                replaced.note(
                        outcome + ": refunded " + refund.get().getAmount().toPlainString() + " "
                                + refund.get().getCurrency(),
                        clock.instant());
            } else if (notifications.alertOps(
                    orders.get(replaced.getOrderId()),
                    "replacement-not-shipped",
                    "replacement-ended-" + replaced.getId(),
                    Map.of(
                            "returnId", replaced.getId(),
                            "replacementOrderId", ended.orderId(),
                            "outcome", ended.status().name()))) {
                replaced.note(
                        outcome + ": nothing on order " + replaced.getOrderId() + " to refund; ops asked",
                        clock.instant());
            }
        });
    }

    /** What a refund of the return's accepted items would give back: their value less the fees a refund keeps. */
    private BigDecimal refundWorth(CustomerReturn ret) {
        BigDecimal accepted = ret.getAcceptedValue();
        return accepted.subtract(restockingFee(accepted, ret.getRestockingFeePercent()))
                .subtract(labelFee(accepted, ret.getShippingPaidBy(), ret.getLabelTrackingNumber() != null))
                .max(BigDecimal.ZERO);
    }

    private static BigDecimal restockingFee(BigDecimal accepted, BigDecimal feePercent) {
        return accepted.multiply(feePercent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /** A label the customer pays, where a parcel came back and something was accepted. */
    private BigDecimal labelFee(BigDecimal accepted, String shippingPaidBy, boolean withParcel) {
        return withParcel && CUSTOMER_PAYS.equals(shippingPaidBy) && accepted.signum() > 0
                ? properties.labelFee()
                : BigDecimal.ZERO;
    }

    private void parcelAfterClosing(CustomerReturn ret, String note) {
        if (!ret.move(ReturnStatus.NOT_SENT_BACK, note, clock.instant())) {
            ret.note(note, clock.instant());
        }
        notifications.alertOps(
                orders.get(ret.getOrderId()),
                "return-parcel-late",
                "return-late-" + ret.getId(),
                Map.of("returnId", ret.getId()));
    }

    /**
     * Settles what the return takes back, in one transaction: sellable accepted items go back into
     * stock, and the refund (accepted value less the restocking fee and a label the customer pays)
     * is written to the order's ledger. A damaged delivery refunded without a parcel accepts every
     * line, none sellable. Answers the refund; run again, the same.
     */
    @Transactional
    Settled settle(String returnId, BigDecimal feePercent, String shippingPaidBy, boolean withoutParcel) {
        CustomerReturn ret = lock(returnId);
        if (ret.getRefundAmount() != null) {
            return Settled.of(ret);
        }
        Order order = orders.lock(ret.getOrderId());
        if (withoutParcel) {
            ret.getLines().forEach(line -> line.inspected(line.getQuantity(), false));
        }
        ret.decidedBy(shippingPaidBy, feePercent);
        // In SKU order, as reservations lock products: two transactions never wait on each other crosswise.
        ret.getLines().stream()
                .filter(line -> Boolean.TRUE.equals(line.getSellable()) && line.getAccepted() > 0)
                .sorted(Comparator.comparing(ReturnLine::getSku))
                .forEach(line -> inventory.restock(line.getSku(), line.getAccepted()));
        BigDecimal accepted = acceptedValue(order, ret);
        BigDecimal restockingFee = restockingFee(accepted, feePercent);
        BigDecimal labelFee = labelFee(accepted, shippingPaidBy, !withoutParcel);
        if (ret.getRemedy() == Remedy.REPLACEMENT) {
            settleByReplacement(ret, accepted);
            return Settled.of(ret);
        }
        BigDecimal due = accepted.subtract(restockingFee).subtract(labelFee).max(BigDecimal.ZERO);
        String refundId = refundIdOf(returnId);
        BigDecimal granted =
                due.signum() > 0 ? payments.grantReturnRefund(refundId, returnId, order.getId(), due) : BigDecimal.ZERO;
        ret.settled(accepted, restockingFee, labelFee, granted.signum() > 0 ? refundId : null, granted);
        if (everythingAccepted(order)) {
            orders.returnedInFull(order);
        }
        if (granted.signum() > 0) {
            ret.move(
                    ReturnStatus.REFUNDING,
                    "Refund of " + granted.toPlainString() + " " + order.getCurrency(),
                    clock.instant());
        } else if (accepted.signum() > 0) {
            ret.move(
                    ReturnStatus.SETTLED,
                    "Accepted; nothing left to refund after fees and earlier refunds",
                    clock.instant());
            tellCustomer(order, ret, "return-nothing-due", Map.of());
        } else {
            ret.move(ReturnStatus.NOTHING_ACCEPTED, "Nothing to refund", clock.instant());
            tellCustomer(order, ret, "return-nothing-accepted", Map.of());
        }
        return Settled.of(ret);
    }

    /**
     * What settling decided, for the process.
     *
     * @param refundAmount   what the return gives back; zero when nothing was accepted, or for a replacement
     * @param replacementDue whether the accepted items ship again instead
     */
    public record Settled(BigDecimal refundAmount, boolean replacementDue) {

        static Settled of(CustomerReturn ret) {
            return new Settled(
                    ret.getRefundAmount(),
                    ret.getRemedy() == Remedy.REPLACEMENT
                            && ret.getLines().stream().anyMatch(line -> line.claimed() > 0));
        }
    }

    /**
     * A replacement gives no money back and charges no fees: the accepted items ship again, and the
     * order still counts as a purchase.
     */
    private void settleByReplacement(CustomerReturn ret, BigDecimal accepted) {
        ret.settled(accepted, BigDecimal.ZERO, BigDecimal.ZERO, null, BigDecimal.ZERO);
        if (ret.getLines().stream().anyMatch(line -> line.claimed() > 0)) {
            ret.move(ReturnStatus.REPLACING, "Accepted items are sent again", clock.instant());
        } else {
            ret.move(ReturnStatus.NOTHING_ACCEPTED, "Nothing to replace", clock.instant());
            tellCustomer(ret, "return-nothing-accepted", Map.of());
        }
    }

    /**
     * Places the replacement: an order of the accepted items with a total of zero, for the same
     * customer and address, which ships through order fulfilment. Placed once per return.
     */
    @Transactional
    void shipReplacement(String returnId) {
        CustomerReturn ret = lock(returnId);
        if (ret.getReplacementOrderId() != null) {
            return;
        }
        Map<String, Integer> accepted = new LinkedHashMap<>();
        ret.getLines().stream()
                .filter(line -> line.claimed() > 0)
                .forEach(line -> accepted.put(line.getSku(), line.claimed()));
        String replacement = replacements.placeReplacement(ret.getOrderId(), accepted, "replacement-" + returnId);
        ret.replacedBy(replacement);
        ret.move(ReturnStatus.REPLACED, "Replacement order " + replacement, clock.instant());
        orders.note(orders.lock(ret.getOrderId()), "Replacement order " + replacement + " for return " + returnId);
        tellCustomer(ret, "return-replacement", Map.of("replacementOrderId", replacement));
    }

    /**
     * What the return's accepted items are worth. Each return's share is rounded to the cent, so the
     * last of an order's returns to settle, once every item is back, is worth what the others left
     * of the order's total: three items returned one by one give back all a coupon order took, not
     * a cent less. While another return that took items back is not settled, this one is its share.
     */
    private BigDecimal acceptedValue(Order order, CustomerReturn ret) {
        BigDecimal share = valueOf(order, quantities(ret, ReturnLine::claimed));
        if (share.signum() == 0 || ret.getRemedy() != Remedy.REFUND || !everythingAccepted(order)) {
            return share;
        }
        List<CustomerReturn> others = returns.findByOrderIdOrderByCreatedAtAsc(order.getId()).stream()
                .filter(other -> other != ret && other.getRemedy() == Remedy.REFUND && other.tookSomethingBack())
                .toList();
        if (others.stream().anyMatch(other -> other.getAcceptedValue() == null)) {
            return share;
        }
        BigDecimal before =
                others.stream().map(CustomerReturn::getAcceptedValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        return order.getTotal().subtract(before).max(BigDecimal.ZERO);
    }

    /** Whether the order's refunded returns, this one included, accepted every unit it delivered (a replaced item is still bought). */
    private boolean everythingAccepted(Order order) {
        Map<String, Integer> kept = deliveredBySku(order);
        returns.findByOrderIdOrderByCreatedAtAsc(order.getId()).stream()
                .filter(ret -> ret.getRemedy() == Remedy.REFUND)
                .flatMap(ret -> ret.getLines().stream())
                .filter(line -> line.getAccepted() != null)
                .forEach(line -> kept.computeIfPresent(line.getSku(), (sku, n) -> n - line.getAccepted()));
        return kept.values().stream().allMatch(n -> n <= 0);
    }

    private static String refundIdOf(String returnId) {
        return UUID.nameUUIDFromBytes(("return refund " + returnId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Gives the return's refund back (the provider is called outside any transaction), then tells the customer. */
    void refund(String returnId) {
        String refundId = find(returnId).getRefundId();
        payments.giveBack(refundId);
        transaction.executeWithoutResult(status -> {
            CustomerReturn refunded = lock(returnId);
            Order order = orders.get(refunded.getOrderId());
            if (refunded.move(ReturnStatus.REFUNDED, null, clock.instant())) {
                meters.refunded(refunded.getRefundAmount(), Duration.between(refunded.getCreatedAt(), clock.instant()));
                tellCustomer(
                        order,
                        refunded,
                        "return-refunded",
                        Map.of(
                                "amount", refunded.getRefundAmount().toPlainString(),
                                "currency", order.getCurrency(),
                                "byCard", order.getPaymentMethod() == PaymentMethod.CARD));
            }
        });
    }

    /**
     * Why the order gets no review or referral ask, if it does not: a return of it is open or took
     * something back ({@code ORDER_BEING_RETURNED}), or it is a return's replacement, no purchase
     * ({@code REPLACEMENT_ORDER}).
     */
    @Transactional(readOnly = true)
    public Optional<String> whyNoAskFor(String orderId) {
        if (orders.get(orderId).getReplacesOrderId() != null) {
            return Optional.of("REPLACEMENT_ORDER");
        }
        boolean beingReturned = returns.findByOrderIdOrderByCreatedAtAsc(orderId).stream()
                .anyMatch(ret -> ret.takesBack() && ret.getStatus() != ReturnStatus.NOTHING_ACCEPTED);
        return beingReturned ? Optional.of("ORDER_BEING_RETURNED") : Optional.empty();
    }

    /** The return with its lines and timeline read. */
    @Transactional(readOnly = true)
    public CustomerReturn get(String returnId) {
        return loaded(find(returnId));
    }

    /** The order's returns with their lines and timelines read, oldest first. */
    @Transactional(readOnly = true)
    public List<CustomerReturn> returnsOf(String orderId) {
        return returns.findByOrderIdOrderByCreatedAtAsc(orderId).stream()
                .map(ReturnService::loaded)
                .toList();
    }

    private static CustomerReturn loaded(CustomerReturn ret) {
        ret.getLines();
        ret.getTimeline();
        return ret;
    }

    private CustomerReturn find(String returnId) {
        return returns.findById(returnId).orElseThrow(() -> new UnknownReturnException(returnId));
    }

    private CustomerReturn lock(String returnId) {
        return returns.findForUpdate(returnId).orElseThrow(() -> new UnknownReturnException(returnId));
    }

    private void tellCustomer(CustomerReturn ret, String template, Map<String, Object> details) {
        tellCustomer(orders.get(ret.getOrderId()), ret, template, details);
    }

    /** Each return's mails are sent once per return and template. */
    private void tellCustomer(Order order, CustomerReturn ret, String template, Map<String, Object> details) {
        Map<String, Object> model = new HashMap<>(details);
        model.put("returnId", ret.getId());
        notifications.messageCustomer(
                order.getCustomerId(),
                order.getId(),
                template,
                Category.TRANSACTIONAL,
                template + "-" + ret.getId(),
                model);
    }
}
