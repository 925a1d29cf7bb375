package io.nurture.inventory;

import io.nurture.persistence.QuantitiesBySku;
import io.nurture.persistence.UtcColumns;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock held for orders (table {@code reservations}) and the products' stock it moves, in plain SQL:
 * the same statements through JPA cost the app twice the CPU on steps every order takes. Each change
 * of a product's stock moves its version, as {@link Product}'s own changes do, so a stock take read
 * before it is refused. Products are locked in SKU order, as every stock change locks them. Only
 * {@link InventoryService} calls it, within its transactions; the calls that lock products refuse to
 * run outside one, where the locks would outlive the step that took them (the connection commits when
 * it returns to the pool) and the stock would be read and changed under no lock at all.
 */
@Component
class StockHolds {

    private final JdbcClient db;

    StockHolds(JdbcClient db) {
        this.db = db;
    }

    boolean reservedBefore(String orderId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM reservations WHERE order_id = :orderId)")
                .param("orderId", orderId)
                .query(Boolean.class)
                .single();
    }

    boolean holds(String orderId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM reservations WHERE order_id = :orderId AND status = 'HELD')")
                .param("orderId", orderId)
                .query(Boolean.class)
                .single();
    }

    /** Locks the products, in SKU order, and answers the stock of each that can be promised. */
    @Transactional(propagation = Propagation.MANDATORY)
    Map<String, Integer> lockProducts(Collection<String> skus) {
        return QuantitiesBySku.read(
                db.sql("SELECT sku, available FROM products WHERE sku IN (:skus) ORDER BY sku FOR UPDATE")
                        .param("skus", skus));
    }

    /** Holds a quantity of a product locked by {@link #lockProducts} for the order. */
    void hold(String orderId, String sku, int quantity, Instant now) {
        db.sql("INSERT INTO reservations (order_id, sku, quantity, status, created_at, updated_at)"
                        + " VALUES (:orderId, :sku, :quantity, 'HELD', :now, :now)")
                .param("orderId", orderId)
                .param("sku", sku)
                .param("quantity", quantity)
                .param("now", UtcColumns.utc(now))
                .update();
        db.sql("UPDATE products SET available = available - :quantity, reserved = reserved + :quantity,"
                        + " version = version + 1 WHERE sku = :sku")
                .param("quantity", quantity)
                .param("sku", sku)
                .update();
    }

    /** The goods left the warehouse: the order's held stock is no longer reserved. */
    @Transactional(propagation = Propagation.MANDATORY)
    void ship(String orderId, Instant now) {
        settle(orderId, "SHIPPED", "reserved = reserved - :quantity", now);
    }

    /** The order's held stock can be promised again; answers the SKUs it concerned, none if nothing was held. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<String> release(String orderId, Instant now) {
        return settle(orderId, "RELEASED", "reserved = reserved - :quantity, available = available + :quantity", now);
    }

    private List<String> settle(String orderId, String outcome, String stockChange, Instant now) {
        Map<String, Integer> held = QuantitiesBySku.read(
                db.sql("SELECT sku, quantity FROM reservations WHERE order_id = :orderId AND status = 'HELD'")
                        .param("orderId", orderId));
        if (held.isEmpty()) {
            return List.of();
        }
        lockProducts(held.keySet());
        held.forEach((sku, quantity) -> db.sql(
                        "UPDATE products SET " + stockChange + ", version = version + 1 WHERE sku = :sku")
                .param("quantity", quantity)
                .param("sku", sku)
                .update());
        db.sql("UPDATE reservations SET status = :outcome, updated_at = :now WHERE order_id = :orderId"
                        + " AND status = 'HELD'")
                .param("outcome", outcome)
                .param("now", UtcColumns.utc(now))
                .param("orderId", orderId)
                .update();
        return List.copyOf(held.keySet());
    }
}
