package io.nurture.checkout;

import io.nurture.orchestration.ProcessMessages;
import io.nurture.order.Order;
import io.nurture.processes.OrderFulfillment.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Starts one order-fulfillment instance per order, with ids, amounts and flags only. */
@Component
class OrderProcess {

    private final ProcessMessages messages;

    OrderProcess(ProcessMessages messages) {
        this.messages = messages;
    }

    /** Sent once the order's transaction committed; see {@link ProcessMessages#orderPlaced}. */
    void start(Order order, boolean firstOrder) {
        messages.orderPlaced(
                order.getId(),
                Map.of(
                        Variable.ORDER_ID, order.getId(),
                        Variable.CUSTOMER_ID, order.getCustomerId(),
                        Variable.ORDER_TOTAL, order.getTotal(),
                        Variable.PAYMENT_METHOD, order.getPaymentMethod().name(),
                        Variable.FIRST_ORDER, firstOrder,
                        Variable.COUNTRY_MISMATCH, order.isBilledInAnotherCountry()));
    }
}
