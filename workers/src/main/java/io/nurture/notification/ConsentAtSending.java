package io.nurture.notification;

import io.nurture.customer.CustomerService;
import io.nurture.suppression.Suppressions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mail that needs consent, checked again as it leaves the outbox: an unsubscribe, an erasure or a
 * suppression (a complaint, a hard bounce) that committed after the mail was written holds, and the
 * mail is withdrawn ({@link io.nurture.outbox.OutboxTable#withdrawn}) instead of sent. Without it a mail that waited (the mail server away,
 * a backoff) reached someone who had said no meanwhile. Transactional mail goes as written.
 */
@Component
class ConsentAtSending {

    private final CustomerService customers;
    private final Suppressions suppressions;

    ConsentAtSending(CustomerService customers, Suppressions suppressions) {
        this.customers = customers;
        this.suppressions = suppressions;
    }

    /** A mail in the outbox that needs consent. */
    record Addressed(long id, String customerId, String recipient) {}

    /** The ids of those of the mails that may no longer go. */
    @Transactional(readOnly = true)
    public Set<Long> withdrawn(List<Addressed> mails) {
        if (mails.isEmpty()) {
            return Set.of();
        }
        Set<String> withoutConsent = customers.withoutMarketingConsent(
                mails.stream().map(Addressed::customerId).collect(Collectors.toSet()));
        Set<String> suppressed = suppressions.suppressedAmong(
                mails.stream().map(Addressed::recipient).toList());
        return mails.stream()
                .filter(mail -> withoutConsent.contains(mail.customerId()) || suppressed.contains(mail.recipient()))
                .map(Addressed::id)
                .collect(Collectors.toSet());
    }
}
