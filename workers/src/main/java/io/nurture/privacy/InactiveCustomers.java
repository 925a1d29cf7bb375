package io.nurture.privacy;

import io.nurture.customer.CustomerService;
import io.nurture.order.OrderService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Storage limitation: a customer who has neither ordered nor given consent to marketing for
 * {@code nurture.privacy.erase-inactive-after} (and was registered before that) is erased on a
 * schedule, as staff would erase them. A subscriber who confirmed their sign-up yesterday is kept
 * however long ago they first registered: their consent is why the shop holds their address. One
 * with an order or a return still under way, or whose row someone else holds locked, waits for the
 * next run.
 */
@Component
class InactiveCustomers {

    static final String RETENTION = "retention";

    private static final Logger log = LoggerFactory.getLogger(InactiveCustomers.class);
    private static final int PAGE = 500;

    private final CustomerService customers;
    private final OrderService orders;
    private final Erasures erasures;
    private final PrivacyProperties properties;
    private final Clock clock;

    InactiveCustomers(
            CustomerService customers,
            OrderService orders,
            Erasures erasures,
            PrivacyProperties properties,
            Clock clock) {
        this.customers = customers;
        this.orders = orders;
        this.erasures = erasures;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${nurture.privacy.retention-check-every:PT24H}",
            initialDelayString = "${nurture.privacy.retention-first-check:PT10M}")
    void scheduled() {
        if (!properties.eraseInactiveAfter().isZero()) {
            int erased = eraseInactiveBefore(clock.instant()
                    .atOffset(ZoneOffset.UTC)
                    .minus(properties.eraseInactiveAfter())
                    .toInstant());
            if (erased > 0) {
                log.info(
                        "Erased {} customers without an order or consent given for {}",
                        erased,
                        properties.eraseInactiveAfter());
            }
        }
    }

    /**
     * Erases every customer registered before the cutoff whose latest order, if any, is older and
     * who has not given consent to marketing since; answers how many.
     */
    int eraseInactiveBefore(Instant cutoff) {
        int erased = 0;
        String after = "";
        List<String> page;
        do {
            page = customers.notErasedRegisteredBefore(cutoff, after, PAGE);
            for (String customerId : page) {
                if (inactiveSince(customerId, cutoff) && erasedNow(customerId, cutoff)) {
                    erased++;
                }
            }
            after = page.isEmpty() ? after : page.getLast();
        } while (page.size() == PAGE);
        return erased;
    }

    /** A first look without a lock, so that only those likely to go are locked; the erasure looks again. */
    private boolean inactiveSince(String customerId, Instant cutoff) {
        return customers
                .find(customerId)
                .filter(customer -> !Erasures.activeSince(customer, orders.of(customerId), cutoff))
                .isPresent();
    }

    private boolean erasedNow(String customerId, Instant cutoff) {
        try {
            return erasures.eraseInactiveSince(customerId, cutoff).isPresent();
        } catch (ErasureRefusedException underWay) {
            log.info("Customer {} not erased yet: {}", customerId, underWay.getMessage());
            return false;
        } catch (PessimisticLockingFailureException busy) {
            // A customer someone else holds (a deadlock's victim, a lock wait that timed out) waits for
            // the next run; the rest of this one goes on.
            log.warn("Customer {} not erased yet: their row was locked ({})", customerId, busy.getMessage());
            return false;
        }
    }
}
