package io.nurture.order;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a customer bought, as the journeys and staff views read it. */
@Service
public class PurchaseHistory {

    private final OrderRepository orders;
    private final JdbcClient jdbc;
    private final Clock clock;

    PurchaseHistory(OrderRepository orders, JdbcClient jdbc, Clock clock) {
        this.orders = orders;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean hasOrdered(String customerId) {
        return orders.existsByCustomerId(customerId);
    }

    @Transactional(readOnly = true)
    public long deliveredOrders(String customerId) {
        return orders.countByCustomerIdAndStatusAndReplacesOrderIdIsNull(customerId, OrderStatus.DELIVERED);
    }

    /** When the customer placed their latest delivered order: retention counts from it. */
    @Transactional(readOnly = true)
    public Instant lastDeliveredPurchase(String customerId) {
        return orders.lastDeliveredPurchase(customerId);
    }

    @Transactional(readOnly = true)
    public Optional<Instant> lastOrderAt(String customerId) {
        return jdbc.sql("SELECT MAX(created_at) FROM orders WHERE customer_id = :customer")
                .param("customer", customerId)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /** The currency of the customer's latest order: offers are made in it. */
    @Transactional(readOnly = true)
    public String lastCurrency(String customerId) {
        return jdbc.sql("SELECT currency FROM orders WHERE customer_id = :customer ORDER BY created_at DESC LIMIT 1")
                .param("customer", customerId)
                .query(String.class)
                .single();
    }

    /** Orders the customer placed that were not rejected or cancelled (replacements aside). */
    @Transactional(readOnly = true)
    public long ordersPlaced(String customerId) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM orders WHERE customer_id = :customer
                        AND status NOT IN ('REJECTED', 'CANCELLED') AND replaces_order_id IS NULL
                        """).param("customer", customerId).query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public PurchaseFacts facts(String customerId) {
        PurchaseFacts delivered = jdbc.sql("""
                SELECT COALESCE(SUM(total), 0) AS spent, COUNT(*) AS delivered FROM orders
                WHERE customer_id = :customer AND status = 'DELIVERED' AND replaces_order_id IS NULL
                """)
                .param("customer", customerId)
                .query((rs, row) -> new PurchaseFacts(rs.getBigDecimal("spent"), rs.getLong("delivered"), 0))
                .single();
        long days = jdbc.sql("""
                        SELECT MAX(created_at) FROM orders
                        WHERE customer_id = :customer AND status NOT IN ('REJECTED', 'CANCELLED') AND replaces_order_id IS NULL
                        """)
                .param("customer", customerId)
                .query(Timestamp.class)
                .optional()
                .map(lastOrder ->
                        Duration.between(lastOrder.toInstant(), clock.instant()).toDays())
                .orElse(0L);
        return new PurchaseFacts(delivered.totalSpent(), delivered.orderCount(), days);
    }
}
