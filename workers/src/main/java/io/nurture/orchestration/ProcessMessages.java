package io.nurture.orchestration;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import io.nurture.processes.CustomerRetention;
import io.nurture.processes.OrderFulfillment.Message;
import io.nurture.processes.PostPurchase;
import io.nurture.processes.OrderFulfillment.Variable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Publishes the messages Nurture's processes wait for. Order events correlate by order id, so two
 * open orders of one customer never receive each other's events; only the retention journey, of
 * which the engine keeps one per customer, correlates by customer id.
 */
@Component
public class ProcessMessages {

    private final CamundaClient client;
    private final MessageProperties properties;

    ProcessMessages(CamundaClient client, MessageProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    public void reviewDecided(String orderId, boolean approved) {
        publish(Message.REVIEW_DECIDED, orderId, "review-decided-" + orderId, properties.eventTimeToLive(),
                Map.of(Variable.REVIEW_APPROVED, approved));
    }

    public void stockReplenished(String orderId) {
        publish(Message.STOCK_REPLENISHED, orderId, null, properties.restockTimeToLive(), Map.of());
    }

    public void invoicePaid(String orderId, Map<String, Object> payment) {
        publish(Message.INVOICE_PAID, orderId, "invoice-paid-" + orderId, properties.eventTimeToLive(), payment);
    }

    public void cancellationRequested(String orderId, String reason) {
        publish(Message.CANCELLATION_REQUESTED, orderId, "cancel-" + orderId, Duration.ZERO,
                Map.of(Variable.CANCEL_REASON, reason));
    }

    public void shipmentDelivered(String orderId, String trackingNumber, Instant deliveredAt) {
        publish(Message.SHIPMENT_DELIVERED, orderId, "delivered-" + trackingNumber, properties.eventTimeToLive(),
                Map.of(Variable.DELIVERED_AT, deliveredAt.toString()));
    }

    public void orderDelivered(String orderId, String customerId, Instant deliveredAt) {
        publish(Message.ORDER_DELIVERED, orderId, "order-delivered-" + orderId, properties.orderDeliveredTimeToLive(),
                Map.of(Variable.ORDER_ID, orderId, Variable.CUSTOMER_ID, customerId, Variable.DELIVERED_AT, deliveredAt.toString()));
    }

    public void surveyAnswered(String orderId, String token, int score) {
        publish(PostPurchase.Message.SURVEY_ANSWERED, orderId, "survey-answered-" + token, properties.eventTimeToLive(),
                Map.of(PostPurchase.Variable.NPS_SCORE, score));
    }

    public void careCaseResolved(String orderId, String caseId) {
        publish(PostPurchase.Message.CARE_CASE_RESOLVED, orderId, "care-case-resolved-" + caseId,
                properties.eventTimeToLive(), Map.of());
    }

    /** Restarts the customer's retention count from their last purchase, if a journey is waiting. */
    public void purchaseDelivered(String customerId, Instant lastPurchaseAt) {
        publish(CustomerRetention.Message.PURCHASE_DELIVERED, customerId, null, Duration.ZERO,
                Map.of(CustomerRetention.Variable.LAST_PURCHASE_AT, lastPurchaseAt.toString()));
    }

    /** Starts the customer's retention journey unless one is running (the engine keeps one per customer). */
    public void retentionJourneyRequested(String customerId, Instant lastPurchaseAt) {
        publish(CustomerRetention.Message.JOURNEY_REQUESTED, customerId, null, Duration.ZERO,
                Map.of(Variable.CUSTOMER_ID, customerId, CustomerRetention.Variable.LAST_PURCHASE_AT, lastPurchaseAt.toString()));
    }

    private void publish(String name, String correlationKey, String messageId, Duration timeToLive, Map<String, Object> variables) {
        var command = client.newPublishMessageCommand()
                .messageName(name)
                .correlationKey(correlationKey)
                .timeToLive(timeToLive)
                .variables(variables);
        if (messageId != null) {
            command.messageId(messageId);
        }
        try {
            command.send().join();
        } catch (ClientStatusException | ClientHttpException refused) {
            if (!isDuplicate(refused)) {
                throw refused;
            }
        }
    }

    /** The engine still buffers a message with this id: the event was already delivered once. */
    private static boolean isDuplicate(ClientException refused) {
        return refused instanceof ClientStatusException status && status.getStatusCode() == Status.Code.ALREADY_EXISTS
                || refused instanceof ClientHttpException http && http.code() == 409;
    }
}
