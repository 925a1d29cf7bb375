package io.nurture.processes;

import java.util.Map;

/**
 * What every journey shares for a customer's erasure: the message that ends it wherever it stands
 * (its event subprocess "Customer's data erased"), and the variable each journey correlates it by.
 */
public final class CustomerErasure {

    public static final String MESSAGE = "CustomerErased";

    /** Journey process id → the variable its subscription to {@link #MESSAGE} is keyed by. */
    public static final Map<String, String> JOURNEYS = Map.of(
            WelcomeSeries.PROCESS_ID, OrderFulfillment.Variable.CUSTOMER_ID,
            BrowseAbandonment.PROCESS_ID, OrderFulfillment.Variable.CUSTOMER_ID,
            CustomerRetention.PROCESS_ID, OrderFulfillment.Variable.CUSTOMER_ID,
            PostPurchase.PROCESS_ID, OrderFulfillment.Variable.ORDER_ID,
            AbandonedCheckout.PROCESS_ID, AbandonedCheckout.Variable.CART_ID);

    private CustomerErasure() {}
}
