package io.nurture.inventory;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.nurture.processes.OrderFulfillment.JobType;
import org.springframework.stereotype.Component;

/** Stock steps in {@code order-fulfillment.bpmn}. */
@Component
public class InventoryWorker {

    private final InventoryService inventory;

    InventoryWorker(InventoryService inventory) {
        this.inventory = inventory;
    }

    /** Serves both "Reserve stock" and "Reserve stock again". */
    @JobWorker(type = JobType.RESERVE_STOCK)
    public StockReservation reserveStock(@Variable String orderId) {
        return new StockReservation(inventory.reserve(orderId));
    }

    @JobWorker(type = JobType.BACKORDER_ORDER)
    public void putOrderOnBackorder(@Variable String orderId) {
        inventory.putOnBackorder(orderId);
    }

    @JobWorker(type = JobType.RELEASE_STOCK)
    public void releaseStock(@Variable String orderId) {
        inventory.release(orderId);
    }

    public record StockReservation(boolean allLinesReserved) {}
}
