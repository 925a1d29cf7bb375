package io.nurture.notification;

import io.nurture.customer.Customer;
import io.nurture.customer.CustomerRepository;
import io.nurture.order.Order;
import io.nurture.order.OrderRepository;
import io.nurture.order.UnknownOrderException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends mail about an order, once per order, template and audience, or about the customer's
 * relationship, once per dedupe key. Sending writes the rendered message to the mail outbox in the
 * caller's transaction: it goes out when the step committed and never when the step rolled back,
 * and a mail server that is down or slow no longer fails or holds up the step.
 */
@Service
public class NotificationService {

    private final NotificationRepository notifications;
    private final CustomerRepository customers;
    private final OrderRepository orders;
    private final MailTemplates templates;
    private final MailDispatcher dispatcher;
    private final NotificationProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    NotificationService(NotificationRepository notifications, CustomerRepository customers, OrderRepository orders,
            MailTemplates templates, MailDispatcher dispatcher, NotificationProperties properties, Clock clock,
            MeterRegistry meters) {
        this.meters = meters;
        this.notifications = notifications;
        this.customers = customers;
        this.orders = orders;
        this.templates = templates;
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public void remindOfPayment(String orderId) {
        tellCustomer(order(orderId), "payment-reminder", Map.of());
    }

    @Transactional
    public void alertDeliveryOverdue(String orderId) {
        Order order = order(orderId);
        tellCustomer(order, "delivery-delayed", Map.of());
        alertOps(order, "delivery-overdue", Map.of());
    }

    @Transactional
    public void tellCustomer(Order order, String template, Map<String, Object> details) {
        send(order, template, Audience.CUSTOMER, details);
    }

    @Transactional
    public void alertOps(Order order, String template, Map<String, Object> details) {
        send(order, template, Audience.OPS, details);
    }

    private Order order(String orderId) {
        return orders.findById(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
    }

    private void send(Order order, String template, Audience audience, Map<String, Object> details) {
        if (notifications.existsByOrderIdAndTemplateAndAudience(order.getId(), template, audience)) {
            return;
        }
        Customer customer = customers.findById(order.getCustomerId()).orElseThrow();
        MailTemplates.RenderedMail mail = templates.render(template, model(order, customer, details));
        String to = audience == Audience.OPS ? properties.opsTo() : customer.getEmail();
        queue(new Notification(customer.getId(), order.getId(), audience, template, to, mail, clock.instant(),
                Category.TRANSACTIONAL, null));
        counted(template, Category.TRANSACTIONAL);
    }

    /**
     * A message to a customer about their relationship rather than one order step, sent once per
     * {@code dedupeKey} (the job that asks for it). Whether marketing may be sent is decided before.
     */
    @Transactional
    public void messageCustomer(String customerId, String orderId, String template, Category category, String dedupeKey,
            Map<String, Object> details) {
        if (notifications.existsByCustomerIdAndDedupeKey(customerId, dedupeKey)) {
            return;
        }
        Customer customer = customers.findById(customerId).orElseThrow();
        Map<String, Object> model = new HashMap<>(details);
        model.put("customerName", customer.getName());
        model.put("orderId", orderId);
        MailTemplates.RenderedMail mail = templates.render(template, model);
        queue(new Notification(customerId, orderId, Audience.CUSTOMER, template, customer.getEmail(), mail,
                clock.instant(), category, dedupeKey));
        counted(template, category);
    }

    private void queue(Notification notification) {
        notifications.saveAndFlush(notification);
        dispatcher.wakeAfterCommit();
    }

    private void counted(String template, Category category) {
        meters.counter("nurture.messages", "template", template, "category", category.name(), "outcome", "sent").increment();
    }

    /** Marketing messages this customer received since the given time, for the frequency cap. */
    @Transactional(readOnly = true)
    public long marketingSentSince(String customerId, Instant since) {
        return notifications.countByCustomerIdAndCategoryAndSentAtAfter(customerId, Category.MARKETING, since);
    }

    private static Map<String, Object> model(Order order, Customer customer, Map<String, Object> details) {
        Map<String, Object> model = new HashMap<>(details);
        model.put("customerName", customer.getName());
        model.put("orderId", order.getId());
        model.put("total", order.getTotal().toPlainString());
        model.put("currency", order.getCurrency());
        model.put("trackingNumber", order.getTrackingNumber());
        model.put("lines", order.getLines());
        return model;
    }
}
