package io.nurture.order;

import io.nurture.persistence.QuantitiesBySku;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An order as the stock steps need it, in plain SQL: the same statements through JPA cost the app
 * twice the CPU, on steps every order takes (docs/performance.md, issue 27's twentieth part).
 */
@Component
public class OrderItems {

    private final JdbcClient db;

    OrderItems(JdbcClient db) {
        this.db = db;
    }

    /**
     * Locks the order a preparation step is about to act on, as {@link OrderService#lockToProceed}
     * does: an order whose cancellation was requested fails the step with
     * {@link CancellationRequestedException}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockToProceed(String orderId) {
        if (lockAndAskIfCancellationRequested(orderId)) {
            throw new CancellationRequestedException(orderId);
        }
    }

    /** Locks the order until the transaction ends, as {@link OrderService#lock} does. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(String orderId) {
        lockAndAskIfCancellationRequested(orderId);
    }

    private boolean lockAndAskIfCancellationRequested(String orderId) {
        return db.sql("SELECT cancellation_requested_at IS NOT NULL FROM orders WHERE id = :id FOR UPDATE")
                .param("id", orderId)
                .query(Boolean.class)
                .optional()
                .orElseThrow(() -> new UnknownOrderException(orderId));
    }

    /** What the order holds: its quantity of each product, by SKU (a SKU may stand on several lines). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Integer> quantitiesBySku(String orderId) {
        return QuantitiesBySku.read(
                db.sql("SELECT sku, SUM(quantity) FROM order_lines WHERE order_id = :id GROUP BY sku")
                        .param("id", orderId));
    }
}
