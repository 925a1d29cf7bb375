package io.nurture.notification;

import static io.nurture.testing.OrderRequests.invoice;
import static io.nurture.testing.OrderRequests.newCustomerEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nurture.customer.Customer;
import io.nurture.customer.CustomerService;
import io.nurture.order.Order;
import io.nurture.order.OrderService;
import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Shop;
import io.nurture.testing.Tables;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A message is written in plain SQL beside the step's entities (issue 27): "sent before?" must still
 * count a message written earlier in the same transaction, and the step's own changes must reach the
 * database before the message is addressed and written.
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
    CustomerService customers;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient db;

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

    @Test
    void aCustomerRegisteredInTheSendingTransactionIsMailed() {
        String email = newCustomerEmail();

        String customerId = transaction.execute(status -> {
            Customer customer = customers.findOrRegister(email, "Ada");
            askToConfirm(customer, email);
            return customer.getId();
        });

        assertThat(recipientsOf(customerId, "sign-up-confirmation")).containsExactly(email);
    }

    @Test
    void aMessageWrittenAfterTheStepErasedTheCustomerDoesNotGoToTheirOldAddress() {
        String orderId = invoicedOrder();
        String customerId = orders.get(orderId).getCustomerId();
        String email = db.sql("SELECT email FROM customers WHERE id = ?")
                .param(customerId)
                .query(String.class)
                .single();

        transaction.executeWithoutResult(status -> {
            customers.erase(customers.lock(customerId).orElseThrow(), List.of(orderId));
            notifications.tellCustomer(orders.lockToProceed(orderId), "payment-reminder", Map.of());
        });

        assertThat(recipientsOf(customerId, "payment-reminder")).hasSize(1).doesNotContain(email);
    }

    @Test
    void aKeyTheStepsOwnRowsCollideOnAtTheMailIsTheRaceTheCallersRetryOn() {
        String email = newCustomerEmail();
        TransactionTemplate racing = new TransactionTemplate(transaction.getTransactionManager());
        racing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    Customer customer = customers.findOrRegister(email, "Ada");
                    racing.executeWithoutResult(other -> customers.findOrRegister(email, "Ada"));
                    askToConfirm(customer, email);
                }))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private void askToConfirm(Customer customer, String email) {
        notifications.messageCustomer(
                customer.getId(),
                null,
                "sign-up-confirmation",
                Category.TRANSACTIONAL,
                "confirm:" + email,
                Map.of("confirmUrl", "http://localhost/consent/t"));
    }

    private List<String> recipientsOf(String customerId, String template) {
        return db.sql("SELECT recipient FROM notifications WHERE customer_id = ? AND template = ?")
                .params(customerId, template)
                .query(String.class)
                .list();
    }

    private String invoicedOrder() {
        String orderId = shop.place(shop.order(newCustomerEmail(), "TEA-EARLGREY-100", 1, invoice()));
        shop.awaitStatus(orderId, "AWAITING_PAYMENT");
        return orderId;
    }
}
