package io.nurture.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.nurture.customer.Customer;
import io.nurture.customer.CustomerErased;
import io.nurture.customer.CustomerService;
import io.nurture.orchestration.ProcessMessages;
import io.nurture.order.Order;
import io.nurture.order.OrderService;
import io.nurture.persistence.UtcColumns;
import io.nurture.returns.ReturnService;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a customer's personal data in one transaction: the customer row, and what every other
 * capability holds of the person, while their orders, money, scores and stage history stay for the
 * books and the metrics; the customer's running journeys end. Refused while an order or a return
 * is still under way. Asking again answers the first erasure.
 */
@Service
public class Erasures {

    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {};

    private final CustomerService customers;
    private final OrderService orders;
    private final ReturnService returns;
    private final ProcessMessages messages;
    private final JdbcClient db;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    Erasures(
            CustomerService customers,
            OrderService orders,
            ReturnService returns,
            ProcessMessages messages,
            JdbcClient db,
            ObjectMapper json,
            MeterRegistry meters) {
        this.customers = customers;
        this.orders = orders;
        this.returns = returns;
        this.messages = messages;
        this.db = db;
        this.json = json;
        this.meters = meters;
    }

    /** @return empty when Nurture knows no such customer */
    @Transactional
    public Optional<Erasure> erase(String customerId, String erasedBy) {
        return customers.lock(customerId).map(customer -> erase(customer, orders.of(customerId), erasedBy));
    }

    /**
     * The retention schedule's erasure: as {@link #erase}, unless the customer ordered or gave
     * consent to marketing after the cutoff. Checked again under the customer's lock, which every
     * consent and order takes: a sign-up confirmed after the schedule looked keeps the address.
     *
     * @return empty when kept, when erased already (by staff, since the schedule looked) or when
     *     Nurture knows no such customer
     */
    @Transactional
    public Optional<Erasure> eraseInactiveSince(String customerId, Instant cutoff) {
        Optional<Customer> found = customers.lock(customerId).filter(customer -> !customer.isErased());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<Order> placed = orders.of(customerId);
        if (activeSince(found.get(), placed, cutoff)) {
            return Optional.empty();
        }
        return Optional.of(erase(found.get(), placed, InactiveCustomers.RETENTION));
    }

    /** An order placed at or after the cutoff, or consent to marketing given after it and still standing. */
    static boolean activeSince(Customer customer, List<Order> placed, Instant cutoff) {
        return customer.hasMarketingConsentGivenAfter(cutoff)
                || placed.stream().anyMatch(order -> !order.getCreatedAt().isBefore(cutoff));
    }

    private Erasure erase(Customer locked, List<Order> placed, String erasedBy) {
        String customerId = locked.getId();
        Optional<Erasure> before = of(customerId);
        if (before.isPresent()) {
            return before.get();
        }
        placed.stream()
                .filter(order -> !order.getStatus().isFinished())
                .findFirst()
                .ifPresent(order -> {
                    throw new ErasureRefusedException("Order " + order.getId() + " is still " + order.getStatus()
                            + ": erase the customer once it is finished");
                });
        List<String> orderIds = placed.stream().map(Order::getId).toList();
        returns.underWay(orderIds).ifPresent(ret -> {
            throw new ErasureRefusedException("Return " + ret.getId() + " is still " + ret.getStatus()
                    + ": erase the customer once it is settled");
        });
        CustomerErased erased = customers.erase(locked, orderIds);
        messages.customerErased(customerId);
        Erasure erasure = new Erasure(customerId, erased.at(), erasedBy, Map.copyOf(erased.changed()));
        db.sql("INSERT INTO erasures (customer_id, erased_at, erased_by, changed) VALUES (:id, :at, :by, :changed)")
                .param("id", customerId)
                .param("at", UtcColumns.utc(erasure.erasedAt()))
                .param("by", erasedBy)
                .param("changed", write(erasure.changed()))
                .update();
        meters.counter("nurture.erasures", "by", erasedBy.equals(InactiveCustomers.RETENTION) ? "retention" : "staff")
                .increment();
        return erasure;
    }

    /** The customer's erasure, if they were erased. */
    @Transactional(readOnly = true)
    public Optional<Erasure> of(String customerId) {
        return db.sql("SELECT erased_at, erased_by, changed FROM erasures WHERE customer_id = :id")
                .param("id", customerId)
                .query((rs, n) -> new Erasure(
                        customerId,
                        UtcColumns.instant(rs.getObject(1, LocalDateTime.class)),
                        rs.getString(2),
                        read(rs.getString(3))))
                .optional();
    }

    private String write(Map<String, Integer> changed) {
        try {
            return json.writeValueAsString(new java.util.TreeMap<>(changed));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Integer> read(String changed) {
        try {
            return json.readValue(changed, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
