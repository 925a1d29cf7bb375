package io.nurture.notification;

import io.micrometer.core.instrument.MeterRegistry;
import io.nurture.customer.Addressees;
import io.nurture.customer.Addressees.Addressee;
import io.nurture.customer.Customer;
import io.nurture.customer.CustomerService;
import io.nurture.suppression.SuppressionReason;
import io.nurture.suppression.Suppressions;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends mail about an order, once per order, template and audience, or about the customer's
 * relationship, once per dedupe key. Sending writes the rendered message to the mail outbox in the
 * caller's transaction: it goes out when the step committed and never when the step rolled back,
 * and a mail server that is down or slow no longer fails or holds up the step. Nothing goes to a
 * suppressed address: the message is kept as suppressed, and for a transactional one ops are told
 * and the order's timeline says so ({@link MessageSuppressed}); the step goes on.
 */
@Service
public class NotificationService {

    private final NotificationRepository notifications;
    private final MailRows rows;
    private final CustomerService customers;
    private final Addressees addressees;
    private final MailTemplates templates;
    private final MailDispatcher dispatcher;
    private final NotificationProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Suppressions suppressions;
    private final ApplicationEventPublisher events;

    NotificationService(
            NotificationRepository notifications,
            MailRows rows,
            CustomerService customers,
            Addressees addressees,
            MailTemplates templates,
            MailDispatcher dispatcher,
            NotificationProperties properties,
            Clock clock,
            MeterRegistry meters,
            Suppressions suppressions,
            ApplicationEventPublisher events) {
        this.meters = meters;
        this.suppressions = suppressions;
        this.events = events;
        this.notifications = notifications;
        this.rows = rows;
        this.customers = customers;
        this.addressees = addressees;
        this.templates = templates;
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public void tellCustomer(MailableOrder order, String template, Map<String, Object> details) {
        send(order, template, Audience.CUSTOMER, null, details);
    }

    /** @return whether this call wrote the alert: false when it was sent about this order before */
    @Transactional
    public boolean alertOps(MailableOrder order, String template, Map<String, Object> details) {
        return send(order, template, Audience.OPS, null, details);
    }

    /**
     * An alert about one of several things on an order (a return, say), sent once per {@code dedupeKey}.
     *
     * @return whether this call wrote the alert: false when it was sent under this key before
     */
    @Transactional
    public boolean alertOps(MailableOrder order, String template, String dedupeKey, Map<String, Object> details) {
        return send(order, template, Audience.OPS, dedupeKey, details);
    }

    /**
     * A mail to ops about the shop rather than one order (the inbox's daily digest); the caller
     * makes sure it is sent once.
     */
    @Transactional
    public void mailOps(String template, Map<String, Object> details) {
        queue(new Notification(
                null,
                null,
                Audience.OPS,
                template,
                properties.opsTo(),
                templates.render(template, withBaseUrl(details)),
                clock.instant(),
                Category.TRANSACTIONAL,
                null));
        counted(template, Category.TRANSACTIONAL);
    }

    private Map<String, Object> withBaseUrl(Map<String, Object> details) {
        Map<String, Object> model = new HashMap<>(details);
        model.put("publicBaseUrl", properties.publicBaseUrl());
        return model;
    }

    private boolean send(
            MailableOrder order, String template, Audience audience, String dedupeKey, Map<String, Object> details) {
        boolean sentBefore = dedupeKey == null
                ? rows.sentAbout(order.getId(), template, audience)
                : rows.sentUnder(order.getCustomerId(), dedupeKey);
        if (sentBefore) {
            return false;
        }
        Addressee customer = addressees.of(order.getCustomerId()).orElseThrow();
        MailTemplates.RenderedMail mail = templates.render(template, model(order, customer, details));
        String to = audience == Audience.OPS ? properties.opsTo() : customer.email();
        Notification notification = new Notification(
                order.getCustomerId(),
                order.getId(),
                audience,
                template,
                to,
                mail,
                clock.instant(),
                Category.TRANSACTIONAL,
                dedupeKey);
        if (audience == Audience.OPS) {
            queue(notification);
            counted(template, Category.TRANSACTIONAL);
        } else {
            toCustomer(notification);
        }
        return true;
    }

    /**
     * A message to a customer about their relationship rather than one order step, sent once per
     * {@code dedupeKey} (the job that asks for it). Whether marketing may be sent is decided before,
     * by the contact policy; an unsubscribe or erasure that committed since still holds: nothing is
     * written for an erased customer, nor one that needs consent for a customer without it. For such
     * a mail the customer is locked (as its unsubscribe link needs), so one in flight commits first;
     * a transactional mail takes no lock, which other steps' locks would meet in the opposite order.
     *
     * @return whether the message is written (now or before): false when consent or the customer went
     */
    @Transactional
    public boolean messageCustomer(
            String customerId,
            String orderId,
            String template,
            Category category,
            String dedupeKey,
            Map<String, Object> details) {
        return messageCustomerOffering(customerId, orderId, template, category, dedupeKey, () -> details);
    }

    /**
     * As {@link #messageCustomer}, for a message that carries an offer (a coupon, a referral code):
     * the offer is made, and its details read, only once the message will be written, so a message
     * not written leaves no coupon or code behind.
     */
    @Transactional
    public boolean messageCustomerOffering(
            String customerId,
            String orderId,
            String template,
            Category category,
            String dedupeKey,
            Supplier<Map<String, Object>> offer) {
        if (rows.sentUnder(customerId, dedupeKey)) {
            return true;
        }
        Customer customer =
                (category.needsConsent() ? customers.lock(customerId) : customers.find(customerId)).orElseThrow();
        if (customer.isErased() || (category.needsConsent() && !customer.canGetMarketing())) {
            counted(template, category, "withdrawn");
            return false;
        }
        Map<String, Object> model = new HashMap<>(offer.get());
        model.put("customerName", customer.getName());
        // A prospect the shop named only by e-mail has no name yet: templates greet them without one.
        model.put("named", !customer.getName().isBlank());
        model.put("orderId", orderId);
        MailTemplates.RenderedMail mail = templates.render(template, model);
        String unsubscribeToken = category.needsConsent() ? customers.unsubscribeToken(customer) : null;
        if (unsubscribeToken != null) {
            mail = new MailTemplates.RenderedMail(
                    mail.subject(), mail.body() + properties.unsubscribeLinks().footer(unsubscribeToken));
        }
        toCustomer(new Notification(
                customerId,
                orderId,
                Audience.CUSTOMER,
                template,
                customer.getEmail(),
                mail,
                clock.instant(),
                category,
                dedupeKey,
                unsubscribeToken));
        return true;
    }

    private void toCustomer(Notification notification) {
        Optional<SuppressionReason> suppressed = suppressions.reasonFor(notification.getRecipient());
        if (suppressed.isEmpty()) {
            queue(notification);
            counted(notification.getTemplate(), notification.getCategory(), "sent");
            return;
        }
        notification.suppress();
        long id = rows.writeAndNumber(notification);
        counted(notification.getTemplate(), notification.getCategory(), "suppressed");
        if (notification.getCategory() == Category.TRANSACTIONAL) {
            tellOpsOfSuppressed(notification, id, suppressed.get());
            events.publishEvent(new MessageSuppressed(
                    notification.getCustomerId(),
                    notification.getOrderId(),
                    notification.getTemplate(),
                    suppressed.get(),
                    notification.getSentAt()));
        }
    }

    /** Ops learn which customer missed which message, and why, to reach them some other way. */
    private void tellOpsOfSuppressed(Notification notification, long id, SuppressionReason reason) {
        Map<String, Object> details = new HashMap<>();
        details.put("customerId", notification.getCustomerId());
        details.put("orderId", notification.getOrderId());
        details.put("template", notification.getTemplate());
        details.put("reason", reason.name());
        queue(new Notification(
                notification.getCustomerId(),
                notification.getOrderId(),
                Audience.OPS,
                "mail-suppressed",
                properties.opsTo(),
                templates.render("mail-suppressed", withBaseUrl(details)),
                notification.getSentAt(),
                Category.TRANSACTIONAL,
                // One alert per message kept back: an order can have several.
                "suppressed:" + id));
        counted("mail-suppressed", Category.TRANSACTIONAL);
    }

    private void queue(Notification notification) {
        rows.write(notification);
        dispatcher.wakeAfterCommit();
    }

    private void counted(String template, Category category) {
        counted(template, category, "sent");
    }

    private void counted(String template, Category category, String outcome) {
        meters.counter("nurture.messages", "template", template, "category", category.name(), "outcome", outcome)
                .increment();
    }

    /**
     * Sends a transactional message the customer got about an order once more, as it was written,
     * to their address now; once per {@code dedupeKey}. Marketing and triggered messages are not sent again: they go
     * through the contact policy.
     *
     * @return whether it was sent now (false: sent under this key before)
     * @throws ResendKeyReusedException the key already sent another message again
     */
    @Transactional
    public boolean sendAgain(long messageId, String orderId, String dedupeKey) {
        Notification original = notifications
                .findById(messageId)
                .filter(sent -> sent.getAudience() == Audience.CUSTOMER && orderId.equals(sent.getOrderId()))
                .orElseThrow(() -> new UnknownMessageException(messageId, orderId));
        if (original.getCategory() != Category.TRANSACTIONAL) {
            throw new MessageNotResentException(
                    messageId, "it is not about the order itself (marketing or triggered): only those are");
        }
        Optional<Notification> earlier =
                notifications.findByCustomerIdAndDedupeKey(original.getCustomerId(), dedupeKey);
        if (earlier.isPresent()) {
            if (!earlier.get().isCopyOf(original)) {
                throw new ResendKeyReusedException();
            }
            return false;
        }
        Customer customer = customers.find(original.getCustomerId()).orElseThrow();
        if (customer.isErased()) {
            throw new MessageNotResentException(
                    messageId, "its customer was erased, and with them its address and text");
        }
        toCustomer(new Notification(
                customer.getId(),
                orderId,
                Audience.CUSTOMER,
                original.getTemplate(),
                customer.getEmail(),
                new MailTemplates.RenderedMail(original.getSubject(), original.getBody()),
                clock.instant(),
                Category.TRANSACTIONAL,
                dedupeKey));
        return true;
    }

    /** Marketing messages this customer received since the given time, for the frequency cap. */
    @Transactional(readOnly = true)
    public long marketingSentSince(String customerId, Instant since) {
        return notifications.countByCustomerIdAndCategoryAndSentAtAfter(customerId, Category.MARKETING, since);
    }

    private static Map<String, Object> model(MailableOrder order, Addressee customer, Map<String, Object> details) {
        Map<String, Object> model = new HashMap<>(details);
        model.put("customerName", customer.name());
        model.put("orderId", order.getId());
        model.put("total", order.getTotal().toPlainString());
        model.put("currency", order.getCurrency());
        model.put("trackingNumber", order.getTrackingNumber());
        model.put("lines", order.getLines());
        return model;
    }

    /** Every message sent to the customer (not ops' alerts about them), oldest first. */
    @Transactional(readOnly = true)
    public List<Notification> sentToCustomer(String customerId) {
        return notifications.findByCustomerIdOrderBySentAtAscIdAsc(customerId).stream()
                .filter(n -> n.getAudience() == Audience.CUSTOMER)
                .toList();
    }
}
