package io.nurture.processes.cpt;

import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static io.nurture.processes.OrderFulfillment.JobType.*;

import io.camunda.client.CamundaClient;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.process.test.api.assertions.ProcessInstanceSelector;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import io.nurture.processes.OrderFulfillment;
import io.nurture.processes.OrderFulfillment.Variable;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@ExtendWith(CamundaRuntimeAvailable.class)
@SpringBootTest(classes = ProcessTestApplication.class)
@CamundaSpringProcessTest
class OrderFulfillmentCptTest {

    private static final String ORDER = "cpt-order-1";

    @Autowired
    CamundaClient client;

    @Autowired
    CamundaProcessTestContext processTest;

    @Test
    void cardOrderIsChargedShippedAndDelivered() {
        processTest.mockJobWorker(RESERVE_STOCK).thenComplete(Map.of(Variable.ALL_LINES_RESERVED, true));
        processTest.mockJobWorker(CHARGE_CARD).thenComplete();
        processTest.mockJobWorker(CREATE_SHIPMENT).thenComplete();
        processTest.mockJobWorker(CONFIRM_DELIVERY).thenComplete();
        processTest.mockJobWorker(PUBLISH_ORDER_DELIVERED).thenComplete();

        ProcessInstanceSelector order = start();
        assertThatProcessInstance(order).hasActiveElements("WaitForDeliveryTask");
        client.newPublishMessageCommand()
                .messageName(OrderFulfillment.Message.SHIPMENT_DELIVERED)
                .correlationKey(ORDER)
                .send()
                .join();

        assertThatProcessInstance(order)
                .isCompleted()
                .hasCompletedElementsInOrder(
                        "ChargeCardTask", "ShipOrderTask", "ConfirmDeliveryTask", "OrderDeliveredEndEvent");
    }

    @Test
    void declinedCardCancelsOrderAndReleasesStock() {
        processTest.mockJobWorker(RESERVE_STOCK).thenComplete(Map.of(Variable.ALL_LINES_RESERVED, true));
        processTest.mockJobWorker(CHARGE_CARD).thenThrowBpmnError(OrderFulfillment.Error.PAYMENT_DECLINED);
        processTest.mockJobWorker(REFUND_PAYMENT).thenComplete();
        processTest.mockJobWorker(RELEASE_STOCK).thenComplete();
        processTest.mockJobWorker(CANCEL_ORDER).thenComplete();

        ProcessInstanceSelector order = start();

        assertThatProcessInstance(order)
                .isCompleted()
                .hasCompletedElementsInOrder("ReleaseStockTask", "CancelOrderTask", "OrderCancelledEndEvent")
                .hasVariable(Variable.CANCEL_REASON, OrderFulfillment.CancelReason.PAYMENT_DECLINED);
    }

    /** Places the order as Nurture does; each test places one, so the process id selects it. */
    private ProcessInstanceSelector start() {
        client.newPublishMessageCommand()
                .messageName(OrderFulfillment.Message.ORDER_PLACED)
                .correlationKey(ORDER)
                .messageId("order-placed-" + ORDER)
                .variables(Map.of(
                        Variable.ORDER_ID,
                        ORDER,
                        Variable.CUSTOMER_ID,
                        "cpt-customer-1",
                        Variable.ORDER_TOTAL,
                        50,
                        Variable.PAYMENT_METHOD,
                        OrderFulfillment.PaymentMethod.CARD,
                        Variable.FIRST_ORDER,
                        false,
                        Variable.COUNTRY_MISMATCH,
                        false))
                .send()
                .join();
        return ProcessInstanceSelectors.byProcessId(OrderFulfillment.PROCESS_ID);
    }
}
