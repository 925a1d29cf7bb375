package io.nurture.order;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.testing.Mailbox;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testkit.NurtureClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Staff send a mail about an order again when the customer says it never came. */
@NurtureIntegrationTest
class ResendMessageIntegrationTest {

    private static final String SKU = "TEA-SENCHA-100";

    @Autowired
    Shop shop;

    @Autowired
    NurtureClient api;

    @Autowired
    Mailbox mailbox;

    private int stockBefore;

    @BeforeEach
    void inStock() {
        stockBefore = shop.available(SKU);
        shop.setStock(SKU, 20);
    }

    @AfterEach
    void restoreStock() {
        shop.setStock(SKU, stockBefore);
    }

    @Test
    void aConfirmationSentAgainReachesTheCustomerOnceAndGoesOnTheTimeline() {
        String email = newCustomerEmail();
        String orderId = shop.place(shop.order(email, SKU, 1, card("tok_visa")));
        String customerId = shop.awaitStatus(orderId, "SHIPPED").text("customerId");
        long confirmation = messageId(customerId, "order-confirmed");

        NurtureClient.Answer first = resend(orderId, confirmation, "lost-confirmation");
        NurtureClient.Answer doubleClick = resend(orderId, confirmation, "lost-confirmation");

        assertThat(first.status()).isEqualTo(202);
        assertThat(doubleClick.status()).isEqualTo(202);
        assertThat(mailbox.subjectsFor(email))
                .filteredOn("Your order is confirmed"::equals)
                .hasSize(2);
        assertThat(StreamSupport.stream(
                                api.get("/api/orders/" + orderId)
                                        .body()
                                        .path("timeline")
                                        .spliterator(),
                                false)
                        .filter(change ->
                                change.path("note").asText().equals("Message " + confirmation + " sent again"))
                        .map(change -> change.path("decidedBy").asText()))
                .containsExactly("journey-harness");
    }

    @Test
    void aKeyThatSentOneMessageAgainIsRefusedForAnotherNamingTheKey() {
        String orderId = shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa")));
        String customerId = shop.awaitStatus(orderId, "SHIPPED").text("customerId");
        resend(orderId, messageId(customerId, "order-confirmed"), "lost-mail");

        NurtureClient.Answer reused = resend(orderId, messageId(customerId, "order-shipped"), "lost-mail");

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body().findValuesAsText("field")).containsExactly("Idempotency-Key");
        assertThat(messagesOf(customerId, "order-shipped")).isEqualTo(1);
    }

    @Test
    void oneKeySentForTwoOrdersOfACustomerAtOnceSendsOneMessageAndRefusesTheOther() throws Exception {
        String email = newCustomerEmail();
        String first = shop.place(shop.order(email, SKU, 1, card("tok_visa")));
        String customerId = shop.awaitStatus(first, "SHIPPED").text("customerId");
        long firstConfirmation = messageId(customerId, "order-confirmed");
        String second = shop.place(shop.order(email, SKU, 1, card("tok_visa")));
        shop.awaitStatus(second, "SHIPPED");
        long secondConfirmation = messageIds(customerId, "order-confirmed").stream()
                .filter(id -> id != firstConfirmation)
                .findFirst()
                .orElseThrow();
        CyclicBarrier together = new CyclicBarrier(2);

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService staff = Executors.newFixedThreadPool(2)) {
            for (var answer : staff.invokeAll(List.<Callable<Integer>>of(
                    () -> {
                        together.await();
                        return resend(first, firstConfirmation, "lost-twice").status();
                    },
                    () -> {
                        together.await();
                        return resend(second, secondConfirmation, "lost-twice").status();
                    }))) {
                statuses.add(answer.get());
            }
        }

        assertThat(statuses).containsExactlyInAnyOrder(202, 422);
        assertThat(messagesOf(customerId, "order-confirmed")).isEqualTo(3);
    }

    @Test
    void aMessageOfAnotherOrderIsNotFoundThroughThisOne() {
        String orderId = shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa")));
        String other = shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa")));
        long othersConfirmation = messageId(shop.awaitStatus(other, "SHIPPED").text("customerId"), "order-confirmed");

        NurtureClient.Answer answer = resend(orderId, othersConfirmation, "not-mine");

        assertThat(answer.status()).isEqualTo(404);
    }

    @Test
    void sendingAgainWithoutAnIdempotencyKeyIsABadRequestNamingIt() {
        NurtureClient.Answer answer = api.post("/api/orders/any/messages/1/resend", "");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().toString()).contains("Idempotency-Key");
    }

    private NurtureClient.Answer resend(String orderId, long messageId, String key) {
        return api.post(
                "/api/orders/" + orderId + "/messages/" + messageId + "/resend", "", Map.of("Idempotency-Key", key));
    }

    private long messagesOf(String customerId, String template) {
        return messageIds(customerId, template).size();
    }

    private List<Long> messageIds(String customerId, String template) {
        return StreamSupport.stream(
                        api.get("/api/customers/" + customerId + "/messages")
                                .body()
                                .spliterator(),
                        false)
                .filter(message -> message.path("template").asText().equals(template))
                .map(message -> message.path("messageId").asLong())
                .toList();
    }

    private long messageId(String customerId, String template) {
        return messageIds(customerId, template).stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + template + " to " + customerId));
    }
}
