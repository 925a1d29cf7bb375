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
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends transactional mail about an order, once per order, template and audience. The log row is
 * written in the caller's transaction before the mail goes out, so a failed send rolls back the
 * step that asked for it and the job is retried.
 */
@Service
public class NotificationService {

    private final NotificationRepository notifications;
    private final CustomerRepository customers;
    private final OrderRepository orders;
    private final MailTemplates templates;
    private final JavaMailSender mailSender;
    private final NotificationProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    NotificationService(NotificationRepository notifications, CustomerRepository customers, OrderRepository orders,
            MailTemplates templates, JavaMailSender mailSender, NotificationProperties properties, Clock clock,
            MeterRegistry meters) {
        this.meters = meters;
        this.notifications = notifications;
        this.customers = customers;
        this.orders = orders;
        this.templates = templates;
        this.mailSender = mailSender;
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
        notifications.saveAndFlush(new Notification(customer.getId(), order.getId(), audience, template, mail.subject(),
                clock.instant(), Category.TRANSACTIONAL, null));
        mailSender.send(message(audience == Audience.OPS ? properties.opsTo() : customer.getEmail(), mail));
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
        notifications.saveAndFlush(new Notification(customerId, orderId, Audience.CUSTOMER, template, mail.subject(),
                clock.instant(), category, dedupeKey));
        mailSender.send(message(customer.getEmail(), mail));
        counted(template, category);
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

    private SimpleMailMessage message(String to, MailTemplates.RenderedMail mail) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(to);
        message.setSubject(mail.subject());
        message.setText(mail.body());
        return message;
    }
}
