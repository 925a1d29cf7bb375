package io.nurture.notification;

import static io.nurture.testing.OrderRequests.invoice;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.order.Order;
import io.nurture.order.OrderService;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testing.Tables;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Sent before?" is asked without the session's flush before the query (issue 27): the message
 * written earlier in the same transaction must still count.
 */
@NurtureIntegrationTest
class MessagesOnceIntegrationTest {

    @Autowired
    Shop shop;

    @Autowired
    Tables tables;

    @Autowired
    NotificationService notifications;

    @Autowired
    OrderService orders;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aMessageAboutAnOrderAskedForTwiceInOneTransactionIsWrittenOnce() {
        String orderId = invoicedOrder();

        transaction.executeWithoutResult(status -> {
            Order order = orders.lockToProceed(orderId);
            notifications.tellCustomer(order, "payment-reminder", Map.of());
            notifications.tellCustomer(order, "payment-reminder", Map.of());
        });

        assertThat(tables.messageCount(orderId, "payment-reminder")).isEqualTo(1);
    }

    @Test
    void aMessageUnderOneKeyAskedForTwiceInOneTransactionIsWrittenOnce() {
        String orderId = invoicedOrder();
        String customerId = orders.get(orderId).getCustomerId();

        transaction.executeWithoutResult(status -> {
            notifications.messageCustomer(
                    customerId, orderId, "payment-reminder", Category.TRANSACTIONAL, "reminder:" + orderId, Map.of());
            notifications.messageCustomer(
                    customerId, orderId, "payment-reminder", Category.TRANSACTIONAL, "reminder:" + orderId, Map.of());
        });

        assertThat(tables.messageCount(orderId, "payment-reminder")).isEqualTo(1);
    }

    private String invoicedOrder() {
        String orderId = shop.place(shop.order(newCustomerEmail(), "TEA-EARLGREY-100", 1, invoice()));
        shop.awaitStatus(orderId, "AWAITING_PAYMENT");
        return orderId;
    }
}
