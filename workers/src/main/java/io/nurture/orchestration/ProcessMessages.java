package io.nurture.orchestration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nurture.persistence.UtcColumns;
import io.nurture.processes.AbandonedCheckout;
import io.nurture.processes.BrowseAbandonment;
import io.nurture.processes.CustomerErasure;
import io.nurture.processes.CustomerRetention;
import io.nurture.processes.GoodwillRefund;
import io.nurture.processes.OrderFulfillment.Message;
import io.nurture.processes.OrderFulfillment.Variable;
import io.nurture.processes.OrderReturn;
import io.nurture.processes.PostPurchase;
import io.nurture.processes.WelcomeSeries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messages Nurture's processes wait for, an order's start included. Each is written to the
 * engine outbox in the caller's transaction (or one of its own, for a caller outside any: a job
 * step that only tells a process) and published by {@link EngineRelay} once it committed: a change
 * that rolls back never reaches the engine, and one that commits always does, even across a crash
 * or an engine outage. Order events correlate by order id, so two open orders
 * of one customer never receive each other's events; only the retention journey, of which the
 * engine keeps one per customer, correlates by customer id.
 */
@Component
@Transactional
public class ProcessMessages {

    /**
     * How long the engine keeps a message for a journey that is not listening yet (a cart's journey
     * still looking the customer up, a series still mailing the link): it still arrives.
     */
    private static final Duration JOURNEY_MESSAGE_TIME_TO_LIVE = Duration.ofHours(1);

    private final JdbcClient db;
    private final EngineRelay relay;
    private final ObjectMapper json;
    private final Clock clock;
    private final MessageProperties properties;

    ProcessMessages(JdbcClient db, EngineRelay relay, ObjectMapper json, Clock clock, MessageProperties properties) {
        this.db = db;
        this.relay = relay;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Starts the order's fulfillment. The message id makes a repeated start a no-op while the
     * engine still holds the first one ({@link MessageProperties#orderPlacedTimeToLive()}), and the
     * engine never starts a second instance for the order while its first one runs.
     */
    public void orderPlaced(String orderId, Map<String, Object> variables) {
        publish(
                Message.ORDER_PLACED,
                orderId,
                "order-placed-" + orderId,
                properties.orderPlacedTimeToLive(),
                variables);
    }

    public void reviewDecided(String orderId, boolean approved) {
        publish(
                Message.REVIEW_DECIDED,
                orderId,
                "review-decided-" + orderId,
                properties.eventTimeToLive(),
                Map.of(Variable.REVIEW_APPROVED, approved));
    }

    public void stockReplenished(String orderId) {
        publish(Message.STOCK_REPLENISHED, orderId, null, properties.restockTimeToLive(), Map.of());
    }

    public void invoicePaid(String orderId, Map<String, Object> payment) {
        publish(Message.INVOICE_PAID, orderId, "invoice-paid-" + orderId, properties.eventTimeToLive(), payment);
    }

    public void cancellationRequested(String orderId, String reason) {
        publish(
                Message.CANCELLATION_REQUESTED,
                orderId,
                "cancel-" + orderId,
                Duration.ZERO,
                Map.of(Variable.CANCEL_REASON, reason));
    }

    public void shipmentDelivered(String orderId, String trackingNumber, Instant deliveredAt) {
        publish(
                Message.SHIPMENT_DELIVERED,
                orderId,
                "delivered-" + trackingNumber,
                properties.eventTimeToLive(),
                Map.of(Variable.DELIVERED_AT, deliveredAt.toString()));
    }

    public void orderDelivered(String orderId, String customerId, Instant deliveredAt) {
        publish(
                Message.ORDER_DELIVERED,
                orderId,
                "order-delivered-" + orderId,
                properties.orderDeliveredTimeToLive(),
                Map.of(
                        Variable.ORDER_ID,
                        orderId,
                        Variable.CUSTOMER_ID,
                        customerId,
                        Variable.DELIVERED_AT,
                        deliveredAt.toString()));
    }

    /** Starts giving a goodwill refund back; the message id makes a repeated start a no-op. */
    public void goodwillRefundGranted(String refundId, String orderId) {
        publish(
                GoodwillRefund.Message.GRANTED,
                refundId,
                "goodwill-refund-granted-" + refundId,
                properties.eventTimeToLive(),
                Map.of(GoodwillRefund.Variable.REFUND_ID, refundId, Variable.ORDER_ID, orderId));
    }

    /** Starts the return's process; the message id makes a repeated start a no-op. */
    public void returnRequested(String returnId, String orderId) {
        publish(
                OrderReturn.Message.REQUESTED,
                returnId,
                "return-requested-" + returnId,
                properties.eventTimeToLive(),
                Map.of(OrderReturn.Variable.RETURN_ID, returnId, Variable.ORDER_ID, orderId));
    }

    public void returnReviewed(String returnId, boolean approved) {
        publish(
                OrderReturn.Message.REVIEWED,
                returnId,
                "return-reviewed-" + returnId,
                properties.eventTimeToLive(),
                Map.of(OrderReturn.Variable.RETURN_APPROVED, approved));
    }

    public void returnParcelReceived(String returnId) {
        publish(
                OrderReturn.Message.PARCEL_RECEIVED,
                returnId,
                "return-parcel-received-" + returnId,
                properties.eventTimeToLive(),
                Map.of());
    }

    public void returnParcelInspected(String returnId) {
        publish(
                OrderReturn.Message.PARCEL_INSPECTED,
                returnId,
                "return-parcel-inspected-" + returnId,
                properties.eventTimeToLive(),
                Map.of());
    }

    public void surveyAnswered(String orderId, String token, int score) {
        publish(
                PostPurchase.Message.SURVEY_ANSWERED,
                orderId,
                "survey-answered-" + token,
                properties.eventTimeToLive(),
                Map.of(PostPurchase.Variable.NPS_SCORE, score));
    }

    public void careCaseResolved(String orderId, String caseId) {
        publish(
                PostPurchase.Message.CARE_CASE_RESOLVED,
                orderId,
                "care-case-resolved-" + caseId,
                properties.eventTimeToLive(),
                Map.of());
    }

    /** Restarts the customer's retention count from their last purchase, if a journey is waiting. */
    public void purchaseDelivered(String customerId, Instant lastPurchaseAt) {
        publish(
                CustomerRetention.Message.PURCHASE_DELIVERED,
                customerId,
                null,
                Duration.ZERO,
                Map.of(CustomerRetention.Variable.LAST_PURCHASE_AT, lastPurchaseAt.toString()));
    }

    /** Starts the customer's retention journey unless one is running (the engine keeps one per customer). */
    public void retentionJourneyRequested(String customerId, Instant lastPurchaseAt) {
        publish(
                CustomerRetention.Message.JOURNEY_REQUESTED,
                customerId,
                null,
                Duration.ZERO,
                Map.of(
                        Variable.CUSTOMER_ID,
                        customerId,
                        CustomerRetention.Variable.LAST_PURCHASE_AT,
                        lastPurchaseAt.toString()));
    }

    /**
     * Starts the cart's abandoned-checkout journey; the engine starts at most one per cart at a
     * time, and the carts table starts each cart's once.
     */
    public void checkoutStarted(String cartId, String customerId, Instant startedAt) {
        publish(
                AbandonedCheckout.Message.CHECKOUT_STARTED,
                cartId,
                "checkout-started-" + cartId,
                Duration.ZERO,
                Map.of(
                        AbandonedCheckout.Variable.CART_ID,
                        cartId,
                        Variable.CUSTOMER_ID,
                        customerId,
                        AbandonedCheckout.Variable.CHECKOUT_STARTED_AT,
                        startedAt.toString()));
    }

    /** The customer ordered: the cart's journey reached its goal. */
    public void checkoutConverted(String cartId) {
        publish(AbandonedCheckout.Message.CHECKOUT_CONVERTED, cartId, null, JOURNEY_MESSAGE_TIME_TO_LIVE, Map.of());
    }

    public void cartEmptied(String cartId) {
        publish(AbandonedCheckout.Message.CART_EMPTIED, cartId, null, JOURNEY_MESSAGE_TIME_TO_LIVE, Map.of());
    }

    public void customerUnsubscribed(String cartId) {
        publish(AbandonedCheckout.Message.CUSTOMER_UNSUBSCRIBED, cartId, null, JOURNEY_MESSAGE_TIME_TO_LIVE, Map.of());
    }

    /**
     * Ends a journey of an erased customer wherever it stands: keyed by what the journey correlates
     * by ({@link CustomerErasure#JOURNEYS}: the customer's id, or one of their orders or carts). Kept
     * an hour, like the other journey ends; nothing new starts for an erased customer's ids.
     */
    public void customerErased(String correlationKey) {
        publish(CustomerErasure.MESSAGE, correlationKey, null, JOURNEY_MESSAGE_TIME_TO_LIVE, Map.of());
    }

    /** Starts the customer's browse-abandonment journey; the engine runs at most one per customer at a time. */
    public void productBrowsed(String customerId, String sku) {
        publish(
                BrowseAbandonment.Message.PRODUCT_BROWSED,
                customerId,
                null,
                Duration.ZERO,
                Map.of(Variable.CUSTOMER_ID, customerId, BrowseAbandonment.Variable.SKU, sku));
    }

    /** Ends a browse-abandonment journey waiting for a cart. Kept an hour, like the other journey ends. */
    public void cartStarted(String customerId) {
        publish(BrowseAbandonment.Message.CART_STARTED, customerId, null, JOURNEY_MESSAGE_TIME_TO_LIVE, Map.of());
    }

    /** Starts the customer's welcome series; the engine runs at most one per customer at a time. */
    public void signedUp(String customerId) {
        publish(
                WelcomeSeries.Message.SIGNED_UP,
                customerId,
                null,
                Duration.ZERO,
                Map.of(Variable.CUSTOMER_ID, customerId));
    }

    /** Kept an hour: a confirmation arriving while the series mails the link still reaches it. */
    public void signUpConfirmed(String customerId) {
        publish(WelcomeSeries.Message.SIGN_UP_CONFIRMED, customerId, null, JOURNEY_MESSAGE_TIME_TO_LIVE, Map.of());
    }

    /** Ends a running welcome series: its goal. Kept an hour, like the other journey ends. */
    public void firstOrderPlaced(String customerId) {
        publish(WelcomeSeries.Message.FIRST_ORDER_PLACED, customerId, null, JOURNEY_MESSAGE_TIME_TO_LIVE, Map.of());
    }

    private void publish(
            String name, String correlationKey, String messageId, Duration timeToLive, Map<String, Object> variables) {
        db.sql(
                        "INSERT INTO engine_messages (message_name, correlation_key, message_id, time_to_live_ms, variables, created_at,"
                                + " delivery, next_attempt_at) VALUES (:name, :key, :messageId, :ttl, :variables, :now, 'PENDING', :now)")
                .param("name", name)
                .param("key", correlationKey)
                .param("messageId", messageId)
                .param("ttl", timeToLive.toMillis())
                .param("variables", json(variables))
                .param("now", UtcColumns.utc(clock.instant()))
                .update();
        relay.wakeAfterCommit();
    }

    private String json(Map<String, Object> variables) {
        try {
            return json.writeValueAsString(variables);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Message variables must be JSON", e);
        }
    }
}
