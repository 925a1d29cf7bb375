package io.nurture.reliability;

import static io.nurture.testing.OrderRequests.card;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.nurture.processes.OrderFulfillment;
import io.nurture.shipping.ShippingWorker;
import io.nurture.testing.EngineRecords;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testing.Tables;
import io.nurture.testing.WorkerFaults;
import io.nurture.testkit.NurtureClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two worker instances and a handler slower than its job timeout (2 s in tests): the app's worker
 * books the parcel and is held; the job times out; a second worker instance (a second Camunda
 * client running the same handler) takes the job and completes it; only then is the first let go,
 * and the engine refuses its late completion. The parcel is booked and the stock taken once.
 */
@InjectedFault(
        id = 9,
        fault = "a handler slower than its job timeout",
        injected =
                "create-shipment timeout 2 s; the app's handler is held after booking until the timed-out job ran again",
        holds = "the late completion is rejected; one shipment, stock taken once, one shipping mail")
@NurtureIntegrationTest
class JobTimeoutIntegrationTest {

    private static final String CREATE_SHIPMENT = OrderFulfillment.JobType.CREATE_SHIPMENT;

    @Autowired
    CamundaClient camunda;

    @Autowired
    ShippingWorker shippingWorker;

    @Autowired
    WorkerFaults faults;

    @Autowired
    Shop shop;

    @Autowired
    EngineRecords engineRecords;

    @Autowired
    Tables tables;

    @Test
    void shipmentSlowerThanItsTimeoutRunsTwiceAndShipsOnce() {
        String sku = "TEA-SENCHA-100";
        int availableBefore = shop.available(sku);
        CountDownLatch firstHandler = faults.holdOnceAfterSideEffect(CREATE_SHIPMENT);

        String orderId = shop.place(shop.order(newCustomerEmail(), sku, 2, card("tok_visa")));
        NurtureClient.Answer shipped = shop.awaitStatus(orderId, "SHIPPED");
        // The in-memory engine's timeout check sometimes lags far behind real time. Moving the engine's
        // clock past the deadline times the job out now, as a broker does 2 s after activation.
        shop.advanceClock("PT1M");
        await().atMost(Shop.PATIENCE).until(() -> faults.runsOf(CREATE_SHIPMENT) >= 2 || secondInstanceRan());
        firstHandler.countDown();

        await().atMost(Shop.PATIENCE).until(() -> refusedCompletions(orderId) == 1);
        assertThat(faults.runsOf(CREATE_SHIPMENT)).isEqualTo(2);
        assertThat(tables.shipmentTrackingNumbers(orderId)).containsExactly(shipped.text("trackingNumber"));
        assertThat(shop.available(sku)).isEqualTo(availableBefore - 2);
        assertThat(shop.timelineStatuses(orderId)).containsOnlyOnce("SHIPPED");
        assertThat(shop.templatesSentTo(shipped.text("customerId"))).containsOnlyOnce("order-shipped");
    }

    /** The second instance polls once; once the first instance's job has timed out, it gets it. */
    private boolean secondInstanceRan() {
        List<ActivatedJob> jobs = camunda.newActivateJobsCommand()
                .jobType(CREATE_SHIPMENT)
                .maxJobsToActivate(1)
                .workerName("second-instance")
                .timeout(Duration.ofMinutes(1))
                .send()
                .join()
                .getJobs();
        jobs.forEach(job -> {
            shippingWorker.shipOrder(job.getVariablesAsMap().get("orderId").toString());
            camunda.newCompleteCommand(job).send().join();
        });
        return !jobs.isEmpty();
    }

    /** Completions of the order's shipment job that the engine rejected because it was already done. */
    private long refusedCompletions(String orderId) {
        RecordStream records = engineRecords.snapshot();
        Set<Long> instances = EngineRecords.instancesWith(records, orderId, "orderId");
        Set<Long> shipmentJobs = StreamSupport.stream(records.jobRecords().spliterator(), false)
                .filter(r -> r.getIntent() == JobIntent.CREATED
                        && r.getValue().getType().equals(CREATE_SHIPMENT))
                .filter(r -> instances.contains(r.getValue().getProcessInstanceKey()))
                .map(Record::getKey)
                .collect(Collectors.toSet());
        return StreamSupport.stream(records.jobRecords().spliterator(), false)
                .filter(r -> r.getRecordType() == RecordType.COMMAND_REJECTION && r.getIntent() == JobIntent.COMPLETE)
                .filter(r -> shipmentJobs.contains(r.getKey()))
                .count();
    }
}
