package io.nurture.order;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nurture.reliability.InjectedFault;
import io.nurture.reliability.ReliabilityReport;
import io.nurture.testing.EngineRecords;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testkit.NurtureClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Far more orders at once than the workers take in one go (8 jobs per worker, 4 handler
 * threads): every order is placed, charged and shipped exactly once, and stock adds up. The
 * shop places as a checkout does ({@link Shop#place}: an Idempotency-Key, a 503 sent again): on a
 * slow moment a placement in this burst found no database connection free within the tests' 2 s.
 */
@InjectedFault(
        id = 8,
        fault = "a burst larger than the worker pool",
        injected = "60 card orders from 12 threads (workers take 8 jobs each, 4 handler threads)",
        holds = "all ship, one process each, PAID and SHIPPED once, stock adds up")
@NurtureIntegrationTest
class OrderBurstIntegrationTest {

    private static final int ORDERS = 60;
    private static final String SKU = "CUP-CERAMIC-2";

    @Autowired
    NurtureClient api;

    @Autowired
    Shop shop;

    @Autowired
    EngineRecords engineRecords;

    @Test
    void burstOfOrdersAllShipOnceAndStockAddsUp(TestReporter report) throws Exception {
        shop.setStock(SKU, 1_000);
        long start = System.nanoTime();

        List<String> orderIds;
        try (ExecutorService shops = Executors.newFixedThreadPool(12)) {
            List<Future<String>> placed = IntStream.range(0, ORDERS)
                    .mapToObj(i ->
                            shops.submit(() -> shop.place(shop.order(newCustomerEmail(), SKU, 1, card("tok_visa")))))
                    .toList();
            orderIds = placed.stream().map(OrderBurstIntegrationTest::get).toList();
        }

        await().atMost(Duration.ofMinutes(3))
                .until(() -> orderIds.stream()
                        .allMatch(id ->
                                api.get("/api/orders/" + id).text("status").equals("SHIPPED")));
        report.publishEntry(
                ReliabilityReport.MEASURED,
                "%d orders placed and shipped in %.1f s".formatted(ORDERS, (System.nanoTime() - start) / 1e9));
        assertThat(orderIds).doesNotHaveDuplicates();
        assertThat(shop.available(SKU)).isEqualTo(1_000 - ORDERS);
        assertThat(orderIds).allSatisfy(id -> {
            assertThat(engineRecords.fulfillmentInstancesOf(id)).isEqualTo(1);
            assertThat(shop.timelineStatuses(id)).containsOnlyOnce("PAID").containsOnlyOnce("SHIPPED");
        });
    }

    private static String get(Future<String> placed) {
        try {
            return placed.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
