package io.nurture.order;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.reliability.InjectedFault;
import io.nurture.testing.EngineRecords;
import io.nurture.testing.IntakePauses;
import io.nurture.testing.Mailbox;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testing.Tables;
import io.nurture.testkit.NurtureClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A shop's client that retries a slow POST: the same order with the same Idempotency-Key arrives
 * again a few milliseconds later, while the first request is still being stored or has just
 * committed. The server pauses each request for a random moment before storing it, so some retries
 * look for the key before the first request commits and store after it. Whatever the timing, the
 * shop gets one order, one charge and one confirmation mail.
 */
@InjectedFault(
        id = 6,
        fault = "a client retries a slow order request",
        injected =
                "15 rounds of 2-3 identical keyed POSTs 1-8 ms apart, each paused 0-80 ms (seeded) between key lookup and store; a placement made a deadlock's victim after writing its order",
        holds =
                "per round one order, one process, one CHARGE, one confirmation mail; the deadlock's victim is placed again: 201, one order, one CHARGE")
@NurtureIntegrationTest
class RetriedOrderIntegrationTest {

    private static final int ROUNDS = 15;
    private static final long SEED = 9_2026L;

    @Autowired
    IntakePauses pauses;

    @Autowired
    JdbcClient db;

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Autowired
    EngineRecords engineRecords;

    @Autowired
    Mailbox mailbox;

    @Autowired
    Tables tables;

    @AfterEach
    void stopPausing() {
        pauses.reset();
    }

    @Test
    void staggeredRetriesOfOneOrderMakeOneOrderOneChargeAndOneConfirmation() throws Exception {
        pauses.pauseEachPlacementUpTo(Duration.ofMillis(80), SEED);
        Random random = new Random(SEED);
        List<Round> rounds = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
            for (int i = 0; i < ROUNDS; i++) {
                rounds.add(retried(threads, 2 + random.nextInt(2), 1 + random.nextInt(8)));
            }
        }

        for (Round round : rounds) {
            assertThat(round.answers()).extracting(NurtureClient.Answer::status).containsOnly(201);
            List<String> orderIds = round.answers().stream()
                    .map(answer -> answer.text("orderId"))
                    .distinct()
                    .toList();
            assertThat(orderIds).as("order ids answered to one key").hasSize(1);
            assertThat(ordersOf(round.email()))
                    .as("orders stored for " + round.email())
                    .isEqualTo(1);
            shop.awaitStatus(orderIds.get(0), "SHIPPED");
            assertThat(tables.paymentKinds(orderIds.get(0))).containsExactly("CHARGE");
            assertThat(engineRecords.fulfillmentInstancesOf(orderIds.get(0))).isEqualTo(1);
            await().atMost(Shop.PATIENCE)
                    .untilAsserted(() -> assertThat(mailbox.subjectsFor(round.email()))
                            .filteredOn(s -> s.contains("confirmed"))
                            .hasSize(1));
        }
    }

    @Test
    void anOrderWhoseTransactionLosesADeadlockIsPlacedOnceWithoutTheClientSeeingIt() {
        String email = newCustomerEmail();
        pauses.loseNextPlacementToADeadlock();

        NurtureClient.Answer answer = api.post(
                "/api/orders",
                shop.order(email, "TEA-ASSAM-250", 1, card("tok_visa")),
                Map.of("Idempotency-Key", "deadlock-" + UUID.randomUUID()));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(ordersOf(email)).isEqualTo(1);
        String orderId = answer.text("orderId");
        shop.awaitStatus(orderId, "SHIPPED");
        assertThat(tables.paymentKinds(orderId)).containsExactly("CHARGE");
        assertThat(engineRecords.fulfillmentInstancesOf(orderId)).isEqualTo(1);
    }

    /** Sends the same keyed order {@code copies} times, each {@code gapMillis} after the one before. */
    private Round retried(ExecutorService threads, int copies, int gapMillis) throws Exception {
        String email = newCustomerEmail();
        Map<String, Object> order = shop.order(email, "TEA-ASSAM-250", 1, card("tok_visa"));
        Map<String, String> key = Map.of("Idempotency-Key", "retry-" + UUID.randomUUID());
        List<Future<NurtureClient.Answer>> sent = new ArrayList<>();
        for (int copy = 0; copy < copies; copy++) {
            sent.add(threads.submit(() -> api.post("/api/orders", order, key)));
            TimeUnit.MILLISECONDS.sleep(gapMillis);
        }
        List<NurtureClient.Answer> answers = new ArrayList<>();
        for (Future<NurtureClient.Answer> answer : sent) {
            answers.add(answer.get());
        }
        return new Round(email, answers);
    }

    private long ordersOf(String email) {
        return db.sql("SELECT COUNT(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.email = ?")
                .param(email)
                .query(Long.class)
                .single();
    }

    private record Round(String email, List<NurtureClient.Answer> answers) {}
}
