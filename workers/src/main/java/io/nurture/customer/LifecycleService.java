package io.nurture.customer;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stage changes of a customer, each stored with its time and cause. */
@Service
public class LifecycleService {

    private final CustomerRepository customers;
    private final StageTransitionRepository transitions;
    private final Clock clock;
    private final MeterRegistry meters;

    LifecycleService(
            CustomerRepository customers, StageTransitionRepository transitions, Clock clock, MeterRegistry meters) {
        this.customers = customers;
        this.transitions = transitions;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional
    public void moveTo(String customerId, LifecycleStage stage, String cause) {
        Customer customer = customers.findForUpdate(customerId).orElseThrow();
        StageTransition transition = customer.moveTo(stage, cause, clock.instant());
        if (transition != null) {
            transitions.save(transition);
            meters.counter("nurture.stage.transitions", "to", stage.name()).increment();
        }
    }

    /**
     * A delivered order: the first converts a prospect, any later one retains the customer (and
     * brings back the at-risk and the lapsed). Advocates stay advocates.
     */
    @Transactional
    public void purchaseDelivered(String customerId, long deliveredOrders) {
        Customer customer = customers.findForUpdate(customerId).orElseThrow();
        if (customer.getStage() == LifecycleStage.ADVOCATE) {
            return;
        }
        if (deliveredOrders <= 1 && customer.getStage() == LifecycleStage.PROSPECT) {
            moveTo(customerId, LifecycleStage.CONVERTED, "First order delivered");
        } else if (deliveredOrders > 1) {
            moveTo(customerId, LifecycleStage.RETAINED, "Repeat purchase delivered");
        }
    }
}
