package io.nurture.order;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.invoice;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.local.EmbeddedMariaDb;
import io.nurture.reliability.InjectedFault;
import io.nurture.testing.EngineRecords;
import io.nurture.testing.HeldInserts;
import io.nurture.testing.HeldRow;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testing.Tables;
import io.nurture.testkit.NurtureClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Requests that arrive at the same moment: each scenario releases its requests together from a
 * barrier and checks the outcome in the database, where it has to be exactly one story.
 */
@InjectedFault(
        id = 5,
        fault = "concurrent requests",
        injected =
                "requests released together from a barrier on 2-12 threads over HTTP; a new customer's insert held at the database until another request registered them",
        holds =
                "one order per idempotency key, one customer per new e-mail (the loser of a held race placed again for them), a cancellation racing a payment keeps exactly the right payments, one of two survey answers")
@NurtureIntegrationTest
class ConcurrentRequestsIntegrationTest {

    private static final int PARALLEL = 8;
    private static final String HELD_NAME = "Held Buyer";

    @Autowired
    EmbeddedMariaDb database;

    @Autowired
    JdbcClient db;

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Autowired
    EngineRecords engineRecords;

    @Autowired
    Tables tables;

    @Autowired
    DataSource dataSource;

    @Test
    void identicalOrdersWithOneIdempotencyKeyInParallelMakeOneOrderAndOneProcess() throws Exception {
        Map<String, Object> order = shop.order(newCustomerEmail(), "TEA-SENCHA-100", 1, card("tok_visa"));
        Map<String, String> key = Map.of("Idempotency-Key", "parallel-" + UUID.randomUUID());

        List<NurtureClient.Answer> answers = atOnce(IntStream.range(0, PARALLEL)
                .mapToObj(i -> (Callable<NurtureClient.Answer>) () -> api.post("/api/orders", order, key))
                .toList());

        assertThat(answers).extracting(NurtureClient.Answer::status).containsOnly(201);
        List<String> orderIds = answers.stream()
                .map(answer -> answer.text("orderId"))
                .distinct()
                .toList();
        assertThat(orderIds).hasSize(1);
        assertThat(ordersOfCustomer(order)).isEqualTo(1);
        shop.awaitStatus(orderIds.get(0), "SHIPPED");
        assertThat(engineRecords.fulfillmentInstancesOf(orderIds.get(0))).isEqualTo(1);
    }

    @Test
    void firstOrdersOfOneNewCustomerInParallelShareOneCustomer() throws Exception {
        String email = newCustomerEmail();

        List<NurtureClient.Answer> answers = atOnce(IntStream.range(0, PARALLEL)
                .mapToObj(i -> (Callable<NurtureClient.Answer>)
                        () -> api.post("/api/orders", shop.order(email, "TEA-SENCHA-100", 1, invoice())))
                .toList());

        assertThat(answers).extracting(NurtureClient.Answer::status).containsOnly(201);
        assertThat(db.sql("SELECT COUNT(*) FROM customers WHERE email = ?")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(answers.stream().map(answer -> answer.text("orderId")).distinct())
                .hasSize(PARALLEL);
    }

    @Test
    void aFirstOrderThatLosesTheRaceToRegisterItsCustomerIsPlacedForTheCustomerWhoWon() throws Exception {
        String email = newCustomerEmail();
        Map<String, Object> heldOrder = shop.order(email, "TEA-SENCHA-100", 1, invoice());
        heldOrder.put("customer", Map.of("email", email, "name", HELD_NAME));
        NurtureClient.Answer first;
        NurtureClient.Answer second;
        try (HeldInserts held = HeldInserts.into(database, "customers", "name", HELD_NAME)) {
            // given a first order that found no customer by that address and is registering them
            CompletableFuture<NurtureClient.Answer> firstOrder =
                    CompletableFuture.supplyAsync(() -> api.post("/api/orders", heldOrder));
            held.awaitHeld(Duration.ofSeconds(30));

            // when another first order registers them first
            second = api.post("/api/orders", shop.order(email, "TEA-SENCHA-100", 1, invoice()));
            held.release();
            first = firstOrder.get(1, TimeUnit.MINUTES);
        }

        // then the first is placed again, for the customer the second registered
        assertThat(second.status()).as(second.body().toString()).isEqualTo(201);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        assertThat(db.sql("SELECT DISTINCT customer_id FROM orders WHERE id IN (?, ?)")
                        .param(first.text("orderId"))
                        .param(second.text("orderId"))
                        .query(String.class)
                        .list())
                .hasSize(1);
        assertThat(db.sql("SELECT COUNT(*) FROM customers WHERE email = ?")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void cancellationAndInvoicePaymentAtOnceNeitherKeepNorLoseTheMoney() throws Exception {
        for (int round = 0; round < 5; round++) {
            String orderId = shop.place(shop.order(newCustomerEmail(), "TEA-EARLGREY-100", 1, invoice()));
            String total = shop.awaitStatus(orderId, "AWAITING_PAYMENT").text("total");

            atOnce(List.of(
                    () -> api.post("/api/orders/" + orderId + "/cancellation", ""),
                    () -> api.post(
                            "/api/orders/" + orderId + "/payments",
                            Map.of("amount", total, "reference", "BANK-" + orderId))));

            String outcome = await().atMost(Shop.PATIENCE)
                    .until(
                            () -> api.get("/api/orders/" + orderId).text("status"),
                            status -> status.equals("CANCELLED") || status.equals("SHIPPED"));
            await().atMost(Shop.PATIENCE)
                    .untilAsserted(() -> assertThat(tables.paymentKinds(orderId))
                            .isEqualTo(
                                    outcome.equals("CANCELLED") ? List.of("INVOICE", "REFUND") : List.of("INVOICE")));
        }
    }

    @Test
    void twoAnswersToOneSurveyAtOnceKeepOne() throws Exception {
        String orderId = shop.place(shop.order(newCustomerEmail(), "COF-FILTER-500", 1, card("tok_visa")));
        String customerId = shop.deliver(orderId);
        String token = shop.surveyAfterDelivery(customerId, orderId);

        List<NurtureClient.Answer> answers = atOnce(List.of(
                () -> api.post("/api/surveys/" + token + "/responses", Map.of("score", 10)),
                () -> api.post("/api/surveys/" + token + "/responses", Map.of("score", 2))));

        assertThat(answers).extracting(NurtureClient.Answer::status).containsExactlyInAnyOrder(202, 409);
        int accepted = answers.stream()
                .filter(a -> a.status() == 202)
                .findFirst()
                .orElseThrow()
                .body()
                .path("score")
                .asInt();
        assertThat(db.sql("SELECT score FROM surveys WHERE token = ?")
                        .param(token)
                        .query(Integer.class)
                        .single())
                .isEqualTo(accepted);
        String followed = accepted == 10 ? "ADVOCACY_ASK" : "SERVICE_RECOVERY";
        String notFollowed = accepted == 10 ? "SERVICE_RECOVERY" : "ADVOCACY_ASK";
        await().atMost(Shop.PATIENCE)
                .untilAsserted(() -> assertThat(shop.stepsOf(customerId))
                        .filteredOn(step -> step.startsWith(followed))
                        .hasSize(1));
        assertThat(shop.stepsOf(customerId)).noneMatch(step -> step.startsWith(notFollowed));
    }

    /**
     * The stock steps of other orders hold a product's row for update until they commit. An order
     * line used to check its product under a shared lock (V36 dropped that key), so a placement
     * queued behind them, here for good.
     */
    @Test
    void anOrderIsTakenWhileAnotherOrdersStockStepHoldsItsProduct() throws Exception {
        Map<String, Object> order = shop.order(newCustomerEmail(), "TEA-SENCHA-100", 1, card("tok_visa"));

        try (HeldRow stockStep = HeldRow.of(dataSource, "products", "sku", "TEA-SENCHA-100")) {
            NurtureClient.Answer placed = api.post("/api/orders", order);

            assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        }
    }

    private long ordersOfCustomer(Map<String, Object> order) {
        @SuppressWarnings("unchecked")
        String email =
                ((Map<String, Object>) order.get("customer")).get("email").toString();
        return db.sql("SELECT COUNT(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.email = ?")
                .param(email)
                .query(Long.class)
                .single();
    }

    /** Runs the calls on their own threads, released together. */
    private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(calls.size());
        try (ExecutorService threads = Executors.newFixedThreadPool(calls.size())) {
            List<Future<T>> results = calls.stream()
                    .map(call -> threads.submit(() -> {
                        start.await();
                        return call.call();
                    }))
                    .toList();
            return results.stream().map(ConcurrentRequestsIntegrationTest::get).toList();
        }
    }

    private static <T> T get(Future<T> result) {
        try {
            return result.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
