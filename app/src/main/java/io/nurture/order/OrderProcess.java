package io.nurture.order;

import io.camunda.client.CamundaClient;
import io.nurture.processes.OrderFulfillment;
import io.nurture.processes.OrderFulfillment.Variable;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Starts one order-fulfillment instance per order, with ids, amounts and flags only. */
@Component
class OrderProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final CamundaClient client;

    OrderProcess(CamundaClient client) {
        this.client = client;
    }

    long start(Order order, boolean firstOrder) {
        return client.newCreateInstanceCommand()
                .bpmnProcessId(OrderFulfillment.PROCESS_ID)
                .latestVersion()
                .variables(Map.of(
                        Variable.ORDER_ID, order.getId(),
                        Variable.CUSTOMER_ID, order.getCustomerId(),
                        Variable.ORDER_TOTAL, order.getTotal(),
                        Variable.PAYMENT_METHOD, order.getPaymentMethod().name(),
                        Variable.FIRST_ORDER, firstOrder,
                        Variable.COUNTRY_MISMATCH, order.isBilledInAnotherCountry()))
                .requestTimeout(START_TIMEOUT)
                .send()
                .join()
                .getProcessInstanceKey();
    }
}
