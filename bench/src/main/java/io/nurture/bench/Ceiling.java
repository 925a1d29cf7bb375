package io.nurture.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.worker.JobWorker;
import io.grpc.Status.Code;
import io.nurture.processes.OrderFulfillment;
import io.nurture.processes.OrderFulfillment.JobType;
import io.nurture.processes.OrderFulfillment.Variable;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the engine carries on this machine: order-fulfillment instances started straight over gRPC,
 * with the message Nurture starts them with, and driven to the shipment wait by workers that do
 * nothing. Measured two ways: beside Nurture (its broker, an idle app and database next to it,
 * workers polling every 50 ms and completing one job at a time per thread, as until issue 27), and
 * the engine's best: the broker alone, under each of the {@link Workers#SWEEP} settings in turn, the
 * best of them counting.
 */
final class Ceiling {

    private static final Duration BACK_PRESSURE_PAUSE = Duration.ofMillis(20);

    /**
     * How the no-op workers take their jobs: polling every {@code pollInterval}, or pushed by the
     * broker as each is created ({@code streaming}, polling then only the fallback), up to
     * {@code maxJobsActive} at a time, with {@code threads} handlers each completing one job at a time.
     */
    record Workers(boolean streaming, Duration pollInterval, int threads, int maxJobsActive) {

        static final Workers BESIDE_NURTURE = new Workers(false, Duration.ofMillis(50), 4, 32);

        /**
         * Fewer activation requests (a longer poll, more jobs per request, or none: streaming) spare
         * the broker's CPU, more threads and a shorter poll take jobs sooner: the engine alone runs
         * each, and its best is the ceiling.
         */
        static final List<Workers> SWEEP = List.of(
                new Workers(false, Duration.ofMillis(10), 8, 32),
                new Workers(false, Duration.ofMillis(50), 4, 32),
                new Workers(false, Duration.ofMillis(100), 4, 64),
                new Workers(false, Duration.ofMillis(200), 2, 128),
                new Workers(true, Duration.ofMillis(100), 4, 32));

        @Override
        public String toString() {
            return (streaming ? "streaming, poll %d ms as fallback" : "poll %d ms").formatted(pollInterval.toMillis())
                    + ", %d threads, %d jobs active".formatted(threads, maxJobsActive);
        }
    }

    private Ceiling() {}

    static Run measure(int gatewayPort, Supplier<Cpu> cpu, Workers tuning, int orders, int clients) throws Exception {
        CountDownLatch shipped = new CountDownLatch(orders);
        try (CamundaClient client = CamundaClient.newClientBuilder()
                .grpcAddress(URI.create("http://127.0.0.1:" + gatewayPort))
                .preferRestOverGrpc(false)
                .numJobWorkerExecutionThreads(tuning.threads())
                .build()) {
            List<JobWorker> workers = List.of(
                    noOp(client, tuning, JobType.RESERVE_STOCK, Map.of("allLinesReserved", true), null),
                    noOp(client, tuning, JobType.CHARGE_CARD, Map.of(), null),
                    noOp(client, tuning, JobType.CREATE_SHIPMENT, Map.of(), shipped));
            Latencies creates = new Latencies();
            Cpu cpuBefore = cpu.get();
            long start = System.nanoTime();
            Load.inParallel(
                    clients,
                    orders,
                    i -> creates.time(() -> start(client, UUID.randomUUID().toString())));
            if (!shipped.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException(shipped.getCount() + " instances never reached the shipment wait");
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            workers.forEach(JobWorker::close);
            return new Run(orders, elapsed, creates, 0, 0, cpu.get().since(cpuBefore));
        }
    }

    /**
     * Published again after a pause while the broker pushes back (RESOURCE_EXHAUSTED), as Nurture's
     * engine outbox does: the ceiling is what the engine carries, not how fast it can refuse.
     */
    private static void start(CamundaClient client, String orderId) {
        while (true) {
            try {
                publishOrderPlaced(client, orderId);
                return;
            } catch (ClientStatusException refused) {
                if (refused.getStatusCode() != Code.RESOURCE_EXHAUSTED) {
                    throw refused;
                }
                pause(BACK_PRESSURE_PAUSE);
            }
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the broker pushed back", e);
        }
    }

    private static void publishOrderPlaced(CamundaClient client, String orderId) {
        client.newPublishMessageCommand()
                .messageName(OrderFulfillment.Message.ORDER_PLACED)
                .correlationKey(orderId)
                .messageId("order-placed-" + orderId)
                .timeToLive(Duration.ofHours(1))
                .variables(Map.of(
                        Variable.ORDER_ID,
                        orderId,
                        Variable.CUSTOMER_ID,
                        UUID.randomUUID().toString(),
                        Variable.ORDER_TOTAL,
                        new BigDecimal("25.00"),
                        Variable.PAYMENT_METHOD,
                        "CARD",
                        Variable.FIRST_ORDER,
                        false,
                        Variable.COUNTRY_MISMATCH,
                        false))
                .send()
                .join();
    }

    private static JobWorker noOp(
            CamundaClient client, Workers tuning, String type, Map<String, Object> result, CountDownLatch done) {
        return client.newWorker()
                .jobType(type)
                .handler((jobs, job) -> {
                    jobs.newCompleteCommand(job).variables(result).send().join();
                    if (done != null) {
                        done.countDown();
                    }
                })
                .maxJobsActive(tuning.maxJobsActive())
                .pollInterval(tuning.pollInterval())
                .streamEnabled(tuning.streaming())
                .open();
    }
}
