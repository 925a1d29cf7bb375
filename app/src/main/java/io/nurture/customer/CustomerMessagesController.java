package io.nurture.customer;

import io.nurture.api.NotFoundException;
import io.nurture.notification.Audience;
import io.nurture.notification.NotificationRepository;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CustomerMessagesController {

    private final CustomerRepository customers;
    private final NotificationRepository notifications;

    CustomerMessagesController(CustomerRepository customers, NotificationRepository notifications) {
        this.customers = customers;
        this.notifications = notifications;
    }

    /** Every message sent to the customer, oldest first. */
    @GetMapping("/api/customers/{customerId}/messages")
    List<SentMessage> messages(@PathVariable String customerId) {
        if (!customers.existsById(customerId)) {
            throw new NotFoundException("No customer " + customerId);
        }
        return notifications.findByCustomerIdOrderBySentAtAscIdAsc(customerId).stream()
                .filter(n -> n.getAudience() == Audience.CUSTOMER)
                .map(n -> new SentMessage(n.getChannel(), n.getTemplate(), n.getSubject(), n.getSentAt(), n.getOrderId()))
                .toList();
    }

    record SentMessage(String channel, String template, String subject, Instant sentAt, String orderId) {
    }
}
