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
        Optional<Customer> found = customers.lock(customerId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Optional<Erasure> before = of(customerId);
        if (before.isPresent()) {
            return before;
        }
        List<Order> placed = orders.of(customerId);
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
        CustomerErased erased = customers.erase(found.get(), orderIds);
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
        return Optional.of(erasure);
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
