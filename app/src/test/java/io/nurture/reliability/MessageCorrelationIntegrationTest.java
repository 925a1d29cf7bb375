package io.nurture.reliability;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.invoice;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.nurture.orchestration.ProcessMessages;
import io.nurture.processes.OrderFulfillment;
import io.nurture.testing.EngineRecords;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testing.WorkerFaults;
import io.nurture.testkit.NurtureClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Events reach the one order they are about, whenever they arrive and however often: they
 * correlate by order id, wait in the engine's buffer when early, and carry a message id so a
 * second copy is dropped.
 */
@NurtureIntegrationTest
class MessageCorrelationIntegrationTest {

    private static final String SKU = "TEA-EARLGREY-100";
    private static final Duration HOLD = Duration.ofSeconds(3);

    @Autowired
    ProcessMessages messages;

    @Autowired
    JdbcClient db;

    @Autowired
    WorkerFaults faults;

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Autowired
    EngineRecords engineRecords;

    @Test
    @InjectedFault(
            id = 10,
            fault = "two open orders of one customer",
            injected = "payment for the second order",
            holds = "the first stays AWAITING_PAYMENT (correlation by order id)")
    void twoOpenOrdersOfOneCustomerNeverSwapPayments() {
        String email = newCustomerEmail();
        String first = shop.place(shop.order(email, SKU, 1, invoice()));
        String second = shop.place(shop.order(email, SKU, 2, invoice()));
        engineRecords.awaitWaitingAt(first, "WaitForInvoicePaymentTask");
        String secondTotal = shop.awaitStatus(second, "AWAITING_PAYMENT").text("total");

        api.post("/api/orders/" + second + "/payments", Map.of("amount", secondTotal, "reference", "BANK-SECOND"));

        shop.awaitStatus(second, "SHIPPED");
        assertThat(api.get("/api/orders/" + first).text("status")).isEqualTo("AWAITING_PAYMENT");
        assertThat(api.get("/api/orders/" + first).text("customerId"))
                .isEqualTo(api.get("/api/orders/" + second).text("customerId"));
    }

    @Test
    @InjectedFault(
            id = 10,
            fault = "a payment arrives before the process waits for it",
            injected = "payment posted while Send invoice stalls",
            holds = "the message waits in the buffer and is taken once the process arrives")
    void paymentArrivingBeforeTheProcessWaitsForItIsBufferedAndTakenLater() {
        // The invoice is sent and the order awaits payment, but the process is still on "Send invoice".
        faults.stallOnceAfterSideEffect(OrderFulfillment.JobType.ISSUE_INVOICE, HOLD);
        String orderId = shop.place(shop.order(newCustomerEmail(), SKU, 1, invoice()));
        String total = shop.awaitStatus(orderId, "AWAITING_PAYMENT").text("total");

        NurtureClient.Answer payment =
                api.post("/api/orders/" + orderId + "/payments", Map.of("amount", total, "reference", "BANK-EARLY"));

        assertThat(payment.status()).isEqualTo(202);
        shop.awaitStatus(orderId, "SHIPPED");
        assertThat(shop.timelineStatuses(orderId)).containsOnlyOnce("PAID");
        RecordStream records = engineRecords.snapshot();
        assertThat(paymentPublished(records, orderId)).isLessThan(waitForPaymentReached(records, orderId));
    }

    private static long paymentPublished(RecordStream records, String orderId) {
        return StreamSupport.stream(records.messageRecords().spliterator(), false)
                .filter(r -> r.getIntent() == MessageIntent.PUBLISHED)
                .filter(r -> r.getValue().getName().equals(OrderFulfillment.Message.INVOICE_PAID)
                        && r.getValue().getCorrelationKey().equals(orderId))
                .mapToLong(Record::getPosition)
                .min()
                .orElseThrow();
    }

    private static long waitForPaymentReached(RecordStream records, String orderId) {
        Set<Long> instances = EngineRecords.instancesWith(records, orderId, "orderId");
        return StreamSupport.stream(records.processInstanceRecords().spliterator(), false)
                .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
                .filter(r -> r.getValue().getElementId().equals("WaitForInvoicePaymentTask"))
                .filter(r -> instances.contains(r.getValue().getProcessInstanceKey()))
                .mapToLong(Record::getPosition)
                .min()
                .orElseThrow();
    }

    @Test
    @InjectedFault(
            id = 10,
            fault = "a payment message published twice",
            injected = "the same payment published again while the first is buffered",
            holds =
                    "the engine publishes the payment once and refuses the copy by its message id; the outbox counts the copy delivered; PAID once")
    void paymentMessagePublishedTwiceWhileBufferedIsTakenOnce() {
        faults.stallOnceAfterSideEffect(OrderFulfillment.JobType.ISSUE_INVOICE, HOLD);
        String orderId = shop.place(shop.order(newCustomerEmail(), SKU, 1, invoice()));
        String total = shop.awaitStatus(orderId, "AWAITING_PAYMENT").text("total");
        api.post("/api/orders/" + orderId + "/payments", Map.of("amount", total, "reference", "BANK-TWICE"));

        messages.invoicePaid(
                orderId,
                Map.of(
                        OrderFulfillment.Variable.PAYMENT_AMOUNT,
                        new BigDecimal(total),
                        OrderFulfillment.Variable.PAYMENT_REFERENCE,
                        "BANK-TWICE"));

        shop.awaitStatus(orderId, "SHIPPED");
        await().atMost(Shop.PATIENCE)
                .until(() -> paymentMessages(engineRecords.snapshot(), orderId, RecordType.COMMAND_REJECTION) == 1);
        RecordStream records = engineRecords.snapshot();
        assertThat(paymentMessages(records, orderId, RecordType.EVENT))
                .as("payments published")
                .isEqualTo(1);
        assertThat(StreamSupport.stream(records.messageRecords().spliterator(), false)
                        .filter(r -> r.getRecordType() == RecordType.COMMAND_REJECTION
                                && orderId.equals(r.getValue().getCorrelationKey()))
                        .map(Record::getRejectionType))
                .containsExactly(RejectionType.ALREADY_EXISTS);
        // The engine writes its refusal before the relay hears it and takes the row out.
        await().atMost(Shop.PATIENCE)
                .untilAsserted(() -> assertThat(db.sql("SELECT COUNT(*) FROM engine_messages WHERE correlation_key = ?")
                                .param(orderId)
                                .query(Long.class)
                                .single())
                        .as("outbox rows left for the order")
                        .isZero());
        assertThat(shop.timelineStatuses(orderId)).containsOnlyOnce("PAID");
    }

    private static long paymentMessages(RecordStream records, String orderId, RecordType type) {
        return StreamSupport.stream(records.messageRecords().spliterator(), false)
                .filter(r -> r.getRecordType() == type)
                .filter(r -> type != RecordType.EVENT || r.getIntent() == MessageIntent.PUBLISHED)
                .filter(r -> r.getValue().getName().equals(OrderFulfillment.Message.INVOICE_PAID)
                        && orderId.equals(r.getValue().getCorrelationKey()))
                .count();
    }

    @Test
    @InjectedFault(
            id = 7,
            fault = "carrier events repeated and out of order",
            injected = "DELIVERED twice, then IN_TRANSIT, over HTTP",
            holds = "DELIVERED once on the timeline; the late IN_TRANSIT changes nothing")
    void carrierEventsOutOfOrderLeaveTheOrderDelivered() {
        String orderId = shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa")));
        String trackingNumber = shop.awaitStatus(orderId, "SHIPPED").text("trackingNumber");

        api.post("/api/shipments/" + trackingNumber + "/events", Map.of("type", "DELIVERED"));
        NurtureClient.Answer lateInTransit =
                api.post("/api/shipments/" + trackingNumber + "/events", Map.of("type", "IN_TRANSIT"));
        shop.awaitStatus(orderId, "DELIVERED");

        assertThat(lateInTransit.status()).isEqualTo(202);
        assertThat(api.get("/api/orders/" + orderId).text("status")).isEqualTo("DELIVERED");
        assertThat(shop.timelineStatuses(orderId)).containsOnlyOnce("DELIVERED");
    }
}
