package io.nurture.order;

import io.nurture.notification.NotificationProperties;
import io.nurture.notification.NotificationService;
import io.nurture.persistence.RaceRetries;
import io.nurture.processes.OrderFulfillment.CancelReason;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

/**
 * Status changes of an order, each recorded on its timeline and, where the customer or ops should
 * know, told by mail. Every method may run twice for the same order (job redelivery) and then
 * changes nothing the second time.
 */
@Service
public class OrderService {

    private static final Map<String, String> CANCEL_REASONS = Map.of(
            CancelReason.CUSTOMER_REQUEST, "Cancelled at the customer's request",
            CancelReason.PAYMENT_DECLINED, "Cancelled: the card payment was declined",
            CancelReason.BACKORDER_EXPIRED, "Cancelled: the items did not come back in stock in time",
            CancelReason.INVOICE_UNPAID, "Cancelled: the invoice was not paid by its due date");

    private final OrderRepository orders;
    private final NewOrderRows newOrders;
    private final NotificationService notifications;
    private final MoneyBack.Ledger money;
    private final ApplicationEventPublisher events;
    private final String publicBaseUrl;
    private final RaceRetries races;
    private final Clock clock;

    OrderService(
            OrderRepository orders,
            NewOrderRows newOrders,
            NotificationService notifications,
            MoneyBack.Ledger money,
            ApplicationEventPublisher events,
            NotificationProperties mail,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.races = new RaceRetries(transactions);
        this.orders = orders;
        this.newOrders = newOrders;
        this.notifications = notifications;
        this.money = money;
        this.events = events;
        this.publicBaseUrl = mail.publicBaseUrl();
        this.clock = clock;
    }

    @Transactional
    public void holdForReview(String orderId) {
        Order order = move(orderId, OrderStatus.IN_REVIEW, "Held for manual risk review");
        notifications.alertOps(order, "review-requested", Map.of());
    }

    @Transactional
    public void reject(String orderId) {
        Order order = move(orderId, OrderStatus.REJECTED, "Rejected by the risk check");
        events.publishEvent(new OrderEnded(orderId, OrderStatus.REJECTED));
        notifications.tellCustomer(order, "order-rejected", Map.of());
    }

    @Transactional
    public void cancel(String orderId, String cancelReason) {
        String explanation = CANCEL_REASONS.getOrDefault(cancelReason, "Cancelled");
        Order order = move(orderId, OrderStatus.CANCELLED, explanation);
        events.publishEvent(new OrderEnded(orderId, OrderStatus.CANCELLED));
        notifications.tellCustomer(order, "order-cancelled", cancellationDetails(order, explanation));
    }

    /** The mail says what happens to the customer's money, as the payment ledger has it. */
    private Map<String, Object> cancellationDetails(Order order, String explanation) {
        MoneyBack back = money.moneyBack(order.getId());
        Map<String, Object> details = new HashMap<>(Map.of("reason", explanation, "currency", order.getCurrency()));
        details.put(
                switch (back.way()) {
                    case NOTHING_TAKEN -> "nothingTaken";
                    case REFUNDED_TO_CARD -> "refundedToCard";
                    case TRANSFER_OWED -> "transferOwed";
                },
                back.amount().toPlainString());
        return details;
    }

    @Transactional
    public void confirmDelivery(String orderId, Instant deliveredAt) {
        Order order = move(orderId, OrderStatus.DELIVERED, "Delivered by the carrier");
        order.delivered(deliveredAt);
        notifications.tellCustomer(
                order,
                "order-delivered",
                Map.of("returnLink", publicBaseUrl + "/returns/start/" + order.getReturnToken()));
    }

    /** For the other capabilities: moves the order inside their own transaction. */
    @Transactional
    public Order move(String orderId, OrderStatus status, String note) {
        return move(lock(orderId), status, note);
    }

    /** For an order the caller already locked in its transaction. */
    public Order move(Order lockedOrder, OrderStatus status, String note) {
        lockedOrder.moveTo(status, note, clock.instant());
        return lockedOrder;
    }

    /** Records on the timeline of an order the caller locked what another capability did for it (a refund, a payout). */
    public void note(Order lockedOrder, String remark) {
        lockedOrder.note(remark, clock.instant());
    }

    /** Records on the timeline of an order the caller locked what a staff client decided for it. */
    public void noteDecision(Order lockedOrder, String remark, String staffClient) {
        lockedOrder.note(remark, clock.instant(), staffClient);
    }

    /**
     * Staff send a message about the order to its customer once more (it went to spam, or was
     * deleted), noted on the order's timeline with who asked; once per {@code dedupeKey}.
     */
    public void sendMessageAgain(String orderId, long messageId, String dedupeKey, String staffClient) {
        // The same key for another order of the customer may commit first (one order's requests wait
        // on its lock): asked again, its message answers this request, as it would have later.
        races.run(() -> {
            Order order = lock(orderId);
            if (notifications.sendAgain(messageId, orderId, dedupeKey)) {
                order.note("Message " + messageId + " sent again", clock.instant(), staffClient);
            }
            return null;
        });
    }

    /** The first step of a cancellation began on an order the caller locked: from now on, money that arrives is owed back. */
    public void startCancellation(Order lockedOrder) {
        lockedOrder.startCancellation(clock.instant());
    }

    /** Stores a new order; the caller's transaction starts its process with it. */
    /** The order checkout asks for, with its lines, not yet stored: {@link #place} stores it. */
    public Order draft(NewOrder order) {
        Order draft = new Order(
                order.customerId(),
                order.paymentMethod(),
                order.cardToken(),
                order.shippingAddress(),
                order.billingCountry(),
                order.currency(),
                clock.instant());
        order.lines().forEach(line -> draft.addLine(line.sku(), line.quantity(), line.unitPrice()));
        return draft;
    }

    /** Marks a draft as a return's replacement of items of another order: no new purchase. */
    public void replaces(Order draft, String originalOrderId) {
        draft.replaces(originalOrderId);
    }

    public void referredWith(Order draft, String referralCode) {
        draft.referredWith(referralCode);
    }

    public void redeem(Order draft, String couponCode, BigDecimal discount) {
        draft.redeem(couponCode, discount);
    }

    /**
     * Stores a draft as a new order. Everything it holds is set before (lines, coupon, referral,
     * notes): the draft is not managed afterwards, and what changes later changes the order's rows.
     */
    @Transactional
    public void place(Order draft) {
        newOrders.insert(draft);
    }

    /**
     * Orders placed since the instant whose money has come to rest: shipped or delivered (the total
     * owed), cancelled or rejected (nothing).
     */
    @Transactional(readOnly = true)
    public List<Order> settledSince(Instant placedSince) {
        return orders.findByStatusInAndCreatedAtGreaterThanEqual(
                List.of(
                        OrderStatus.SHIPPED,
                        OrderStatus.DELIVERED,
                        OrderStatus.RETURNED,
                        OrderStatus.CANCELLED,
                        OrderStatus.REJECTED),
                placedSince);
    }

    /**
     * Orders that may be waiting for one of these products: backordered, or still received (one
     * whose reservation just failed and whose backorder has not committed yet is received too),
     * and not being cancelled.
     */
    @Transactional(readOnly = true)
    public List<String> mayWaitForStockOf(List<String> skus) {
        return orders.findIdsByStatusInAndSkuIn(List.of(OrderStatus.BACKORDERED, OrderStatus.RECEIVED), skus);
    }

    @Transactional(readOnly = true)
    public OrderSummary summary(String orderId) {
        return OrderSummary.of(get(orderId));
    }

    /** Every item of the delivered order came back: it no longer counts as a purchase. */
    @Transactional
    public void returnedInFull(Order lockedOrder) {
        lockedOrder.returnedInFull(clock.instant());
    }

    /** The delivered order whose return link carries this token. */
    @Transactional(readOnly = true)
    public Optional<Order> byReturnToken(String returnToken) {
        return orders.findByReturnToken(returnToken);
    }

    /** Every order the customer placed, oldest first. */
    @Transactional(readOnly = true)
    public List<Order> of(String customerId) {
        return orders.findByCustomerIdOrderByCreatedAtAsc(customerId);
    }

    @Transactional(readOnly = true)
    public Order get(String orderId) {
        return orders.findById(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
    }

    @Transactional
    public Order lock(String orderId) {
        return orders.findForUpdate(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
    }

    /**
     * Locks an order a preparation step is about to act on (reserve, charge, invoice, ship); an
     * order whose cancellation was requested fails the step with {@link CancellationRequestedException}.
     */
    @Transactional
    public Order lockToProceed(String orderId) {
        Order order = lock(orderId);
        if (order.isCancellationRequested()) {
            throw new CancellationRequestedException(orderId);
        }
        return order;
    }
}
