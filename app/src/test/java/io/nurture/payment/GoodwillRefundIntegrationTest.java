package io.nurture.payment;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.invoice;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.nurture.testing.Mailbox;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testing.Tables;
import io.nurture.testkit.NurtureClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Goodwill refunds: staff give back part of what a shipped or delivered order took, without a
 * return. The money goes back once (to the card through the provider, or owed for staff to
 * transfer), never more than the order kept, and the books still balance.
 */
@NurtureIntegrationTest
class GoodwillRefundIntegrationTest {

    /** One set of ceramic cups: the order's total. */
    private static final String SKU = "CUP-CERAMIC-2";

    @Autowired
    Shop shop;

    @Autowired
    NurtureClient api;

    @Autowired
    Tables tables;

    @Autowired
    Mailbox mailbox;

    @Autowired
    ProviderFaults provider;

    @Test
    void aCardRefundGoesBackToTheCardOnceEvenWhenTheRequestIsSentTwice() {
        Instant since = Instant.now().minusSeconds(60);
        String email = newCustomerEmail();
        String orderId = shop.place(shop.order(email, SKU, 1, card("tok_visa")));
        shop.deliver(orderId);

        NurtureClient.Answer granted = grant(orderId, "10.00", "Parcel arrived two weeks late", "late-" + orderId);
        NurtureClient.Answer again = grant(orderId, "10.00", "Parcel arrived two weeks late", "late-" + orderId);

        assertThat(granted.status()).as(granted.body().toString()).isEqualTo(201);
        assertThat(again.text("refundId")).isEqualTo(granted.text("refundId"));
        assertThat(granted.text("kind")).isEqualTo("GOODWILL_REFUND");
        JsonNode refunded = awaitRefund(granted.text("refundId"), "REFUNDED");
        assertThat(refunded.path("paidOutWith").asText()).isNotBlank();
        assertThat(tables.paymentKinds(orderId)).containsExactly("CHARGE", "GOODWILL_REFUND");
        JsonNode order = shop.api().get("/api/orders/" + orderId).body();
        assertThat(order.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(order.path("payment").path("status").asText()).isEqualTo("CAPTURED");
        assertThat(order.path("payment").path("refunds").findValuesAsText("refundId"))
                .containsExactly(granted.text("refundId"));
        assertThat(order.path("payment").path("refunds").get(0).path("reason").asText())
                .isEqualTo("Parcel arrived two weeks late");
        receivedOnce(email, "We are giving you 10.00 EUR back for order " + orderId);
        assertThat(shop.moneyViolationsOf(orderId, since)).isEmpty();
    }

    @Test
    void aRefundOfAnInvoicePaidByTransferIsOwedUntilStaffPayItOut() {
        Instant since = Instant.now().minusSeconds(60);
        String orderId = shop.place(shop.order(newCustomerEmail(), SKU, 1, invoice()));
        String total = shop.awaitStatus(orderId, "AWAITING_PAYMENT").text("total");
        api.post("/api/orders/" + orderId + "/payments", Map.of("amount", total, "reference", "BANK-GOODWILL"));
        shop.awaitStatus(orderId, "SHIPPED");

        String refundId = grant(orderId, "5.00", "Box dented").text("refundId");

        awaitRefund(refundId, "OWED");
        assertThat(api.get("/api/refunds").body().findValuesAsText("refundId")).contains(refundId);
        assertThat(shop.moneyViolationsOf(orderId, since)).isEmpty();
        NurtureClient.Answer settled =
                api.post("/api/refunds/" + refundId + "/settlement", Map.of("bankReference", "TRANSFER-GOODWILL-1"));
        assertThat(settled.text("status")).isEqualTo("REFUNDED");
        assertThat(shop.moneyViolationsOf(orderId, since)).isEmpty();
    }

    @Test
    void twoRefundsOnOneOrderAreEachOwedToldAndPaidOutOnce() {
        Instant since = Instant.now().minusSeconds(60);
        String email = newCustomerEmail();
        String orderId = shop.place(shop.order(email, SKU, 1, invoice()));
        String total = shop.awaitStatus(orderId, "AWAITING_PAYMENT").text("total");
        api.post("/api/orders/" + orderId + "/payments", Map.of("amount", total, "reference", "BANK-TWICE"));
        shop.awaitStatus(orderId, "SHIPPED");

        String first = grant(orderId, "2.00", "Verspätung: zwei Wochen").text("refundId");
        String second = grant(orderId, "3.00", "Box dented").text("refundId");
        awaitRefund(first, "OWED");
        awaitRefund(second, "OWED");
        api.post("/api/refunds/" + first + "/settlement", Map.of("bankReference", "TRANSFER-TWICE-1"));
        api.post("/api/refunds/" + second + "/settlement", Map.of("bankReference", "TRANSFER-TWICE-2"));

        receivedOnce(
                email,
                "We are giving you 2.00 EUR back for order " + orderId,
                "We are giving you 3.00 EUR back for order " + orderId,
                "We have transferred 2.00 EUR back to you for order " + orderId,
                "We have transferred 3.00 EUR back to you for order " + orderId);
        assertThat(api.get("/api/refunds/" + first).text("reason")).isEqualTo("Verspätung: zwei Wochen");
        assertThat(shop.moneyViolationsOf(orderId, since)).isEmpty();
    }

    @Test
    void aRefundWithoutAnIdempotencyKeyIsRefusedNamingIt() {
        String orderId = shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa")));
        shop.deliver(orderId);

        NurtureClient.Answer refused =
                api.post("/api/orders/" + orderId + "/refunds", Map.of("amount", "1.00", "reason", "Late"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().findValuesAsText("field")).containsExactly("Idempotency-Key");
        assertThat(tables.paymentKinds(orderId)).containsExactly("CHARGE");
    }

    @Test
    void aCardRefundTheProviderKeepsRefusingIsReportedByTheReconciliationOnceItHasWaitedTenMinutes() {
        Instant since = Instant.now().minusSeconds(60);
        String orderId = shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa")));
        shop.deliver(orderId);
        provider.refuseRefunds();

        String refundId = grant(orderId, "6.00", "Late").text("refundId");
        await().atMost(Shop.PATIENCE).until(() -> tables.paymentKinds(orderId).contains("GOODWILL_REFUND"));
        List<String> whileOnItsWay = shop.moneyViolationsOf(orderId, since);
        shop.advanceClock("PT11M");

        assertThat(whileOnItsWay).as("a refund on its way is not a violation").isEmpty();
        assertThat(api.get("/api/refunds/" + refundId).text("status")).isEqualTo("PENDING");
        assertThat(problemsOf(orderId, since))
                .singleElement()
                .asString()
                .startsWith("a goodwill refund of 6.00 the provider has not answered since");
    }

    @Test
    void moreThanTheOrderKeptIsRefusedNamingTheAmountAndWritesNothing() {
        String orderId = shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa")));
        shop.deliver(orderId);
        awaitRefund(grant(orderId, "20.00", "Scratched").text("refundId"), "REFUNDED");

        NurtureClient.Answer tooMuch = grant(orderId, "4.01", "Scratched again");

        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.body().path("errors").get(0).path("field").asText()).isEqualTo("amount");
        assertThat(tooMuch.body().path("errors").get(0).path("message").asText())
                .isEqualTo("must be at most 4.00 EUR, what is left to refund on the order");
        assertThat(tables.paymentKinds(orderId)).containsExactly("CHARGE", "GOODWILL_REFUND");
    }

    @Test
    void twoRefundsGrantedAtOnceThatTogetherExceedTheOrderLeaveOneRefused() throws Exception {
        String orderId = shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa")));
        shop.deliver(orderId);
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Integer> fifteen = () -> {
            together.await();
            return grant(orderId, "15.00", "Late and dented").status();
        };

        List<Integer> answers;
        try (ExecutorService staff = Executors.newFixedThreadPool(2)) {
            answers = staff.invokeAll(List.of(fifteen, fifteen)).stream()
                    .map(answer -> {
                        try {
                            return answer.get();
                        } catch (InterruptedException | ExecutionException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        }

        assertThat(answers).containsExactlyInAnyOrder(201, 400);
        assertThat(tables.paymentKinds(orderId)).containsExactly("CHARGE", "GOODWILL_REFUND");
    }

    @Test
    void oneKeySentForTwoOrdersAtOnceGrantsOneRefundAndRefusesTheOtherNamingTheKey() throws Exception {
        String first = shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa")));
        String second = shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa")));
        shop.deliver(first);
        shop.deliver(second);
        String key = "goodwill-" + UUID.randomUUID();
        CyclicBarrier together = new CyclicBarrier(2);

        List<NurtureClient.Answer> answers;
        try (ExecutorService staff = Executors.newFixedThreadPool(2)) {
            answers = staff
                    .invokeAll(List.<Callable<NurtureClient.Answer>>of(
                            () -> {
                                together.await();
                                return grant(first, "5.00", "Late", key);
                            },
                            () -> {
                                together.await();
                                return grant(second, "5.00", "Late", key);
                            }))
                    .stream()
                    .map(answer -> {
                        try {
                            return answer.get();
                        } catch (InterruptedException | ExecutionException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        }

        assertThat(answers).extracting(NurtureClient.Answer::status).containsExactlyInAnyOrder(201, 422);
        assertThat(answers)
                .filteredOn(answer -> answer.status() == 422)
                .allSatisfy(refused ->
                        assertThat(refused.body().findValuesAsText("field")).containsExactly("Idempotency-Key"));
        assertThat(tables.paymentKinds(first).size()
                        + tables.paymentKinds(second).size())
                .as("one charge each, one refund")
                .isEqualTo(3);
    }

    @Test
    void anOrderThatHasNotShippedIsRefusedWithAConflict() {
        String orderId = shop.place(shop.order(newCustomerEmail(), SKU, 1, invoice()));
        shop.awaitStatus(orderId, "AWAITING_PAYMENT");

        NurtureClient.Answer refused = grant(orderId, "1.00", "Sorry for the wait");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(tables.paymentKinds(orderId)).isEmpty();
    }

    @Test
    void theSameKeyWithAnotherAmountIsRefusedAndGrantsNothingMore() {
        String orderId = shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa")));
        shop.deliver(orderId);
        grant(orderId, "3.00", "Late", "goodwill-" + orderId);

        NurtureClient.Answer reused = grant(orderId, "6.00", "Late", "goodwill-" + orderId);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(tables.paymentKinds(orderId)).containsExactly("CHARGE", "GOODWILL_REFUND");
    }

    @Test
    void aRefundWithoutAPositiveAmountOrAReasonIsRefusedNamingBoth() {
        String orderId = shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa")));
        shop.deliver(orderId);

        NurtureClient.Answer refused = api.post(
                "/api/orders/" + orderId + "/refunds", Map.of("amount", "0.00"), Map.of("Idempotency-Key", "empty"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().findValuesAsText("field")).containsExactlyInAnyOrder("amount", "reason");
        assertThat(tables.paymentKinds(orderId)).containsExactly("CHARGE");
    }

    private NurtureClient.Answer grant(String orderId, String amount, String reason) {
        return grant(orderId, amount, reason, UUID.randomUUID().toString());
    }

    private NurtureClient.Answer grant(String orderId, String amount, String reason, String idempotencyKey) {
        return api.post(
                "/api/orders/" + orderId + "/refunds",
                Map.of("amount", amount, "reason", reason),
                Map.of("Idempotency-Key", idempotencyKey));
    }

    /**
     * The customer is told of a refund in a transaction after the one that booked it (the job's
     * second step), so the refund's status can be read before its mail is queued.
     */
    private void receivedOnce(String email, String... subjects) {
        await().atMost(Shop.PATIENCE)
                .untilAsserted(() -> assertThat(mailbox.subjectsFor(email)).containsOnlyOnce(subjects));
    }

    private JsonNode awaitRefund(String refundId, String status) {
        return await().atMost(Shop.PATIENCE)
                .until(
                        () -> api.get("/api/refunds/" + refundId).body(),
                        refund -> status.equals(refund.path("status").asText()));
    }

    private List<String> problemsOf(String orderId, Instant since) {
        List<String> problems = new ArrayList<>();
        api.get("/api/reconciliation?placedSince=" + since)
                .body()
                .path("violations")
                .forEach(violation -> {
                    if (violation.path("orderId").asText().equals(orderId)) {
                        problems.add(violation.path("problem").asText());
                    }
                });
        return problems;
    }
}
