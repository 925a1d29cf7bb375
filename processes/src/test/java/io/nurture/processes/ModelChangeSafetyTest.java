package io.nurture.processes;

import static io.nurture.processes.OrderFulfillment.JobType.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.processes.OrderFulfillment.Variable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rolling out a model change: instances already waiting (on timers and messages) finish on the
 * version they started with, while new instances start on the new version.
 */
class ModelChangeSafetyTest {

    @RegisterExtension
    final EmbeddedProcessEngine engine = new EmbeddedProcessEngine(OrderFulfillment.PROCESS_ID);

    @Test
    void waitingOrdersFinishOnTheirVersionWhileNewOrdersUseTheNewOne() {
        long waitingForPayment = engine.startOrder(order("order-old-1"));
        engine.completeJob(RESERVE_STOCK, Map.of(Variable.ALL_LINES_RESERVED, true));
        engine.completeJob(ISSUE_INVOICE, Map.of());

        long newVersion = engine.deploy(
                "order-fulfillment.bpmn",
                model("order-fulfillment.bpmn")
                        .replace("name=\"Send payment reminder\"", "name=\"Send friendly payment reminder\""));
        long newOrder = engine.startOrder(order("order-new-1"));

        assertThat(engine.definitionOf(newOrder)).isEqualTo(newVersion);
        assertThat(engine.definitionOf(waitingForPayment)).isNotEqualTo(newVersion);
        engine.increaseTime(Duration.ofDays(7).plusMinutes(1));
        engine.completeJob(SEND_PAYMENT_REMINDER, Map.of());
        engine.publish(
                OrderFulfillment.Message.INVOICE_PAID,
                "order-old-1",
                Map.of(Variable.PAYMENT_AMOUNT, 20, Variable.PAYMENT_REFERENCE, "BANK-1"));
        engine.completeJob(RECORD_INVOICE_PAYMENT, Map.of());
        engine.completeJob(CREATE_SHIPMENT, Map.of());
        engine.publish(OrderFulfillment.Message.SHIPMENT_DELIVERED, "order-old-1", Map.of());
        engine.completeJob(CONFIRM_DELIVERY, Map.of());
        engine.completeJob(PUBLISH_ORDER_DELIVERED, Map.of());
        assertThat(engine.isCompleted(waitingForPayment)).isTrue();

        engine.completeJob(RESERVE_STOCK, Map.of(Variable.ALL_LINES_RESERVED, true));
        engine.completeJob(ISSUE_INVOICE, Map.of());
        engine.publish(
                OrderFulfillment.Message.CANCELLATION_REQUESTED,
                "order-new-1",
                Map.of(Variable.CANCEL_REASON, OrderFulfillment.CancelReason.CUSTOMER_REQUEST));
        engine.completeJob(REFUND_PAYMENT, Map.of());
        engine.completeJob(RELEASE_STOCK, Map.of());
        engine.completeJob(CANCEL_ORDER, Map.of());
        assertThat(engine.isCompleted(newOrder)).isTrue();
    }

    private static Map<String, Object> order(String orderId) {
        return Map.of(
                Variable.ORDER_ID,
                orderId,
                Variable.CUSTOMER_ID,
                "c-1",
                Variable.ORDER_TOTAL,
                20,
                Variable.PAYMENT_METHOD,
                OrderFulfillment.PaymentMethod.INVOICE,
                Variable.FIRST_ORDER,
                false,
                Variable.COUNTRY_MISMATCH,
                false);
    }

    private static String model(String resource) {
        try (InputStream in = ModelChangeSafetyTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
