package io.nurture.reporting;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Up to three products for a customer: those most often bought together with what they bought,
 * topped up with best sellers; never something they already bought.
 */
@Component
public class Recommendations {

    private static final int LIMIT = 3;

    private final JdbcClient jdbc;

    Recommendations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> forCustomer(String customerId) {
        List<String> picks = new ArrayList<>(
                jdbc.sql("""
                SELECT p.name FROM order_lines other
                JOIN orders other_order ON other_order.id = other.order_id
                JOIN products p ON p.sku = other.sku
                WHERE other_order.customer_id <> :customer
                  AND other.order_id IN (
                      SELECT l.order_id FROM order_lines l
                      WHERE l.sku IN (SELECT mine.sku FROM order_lines mine
                                      JOIN orders o ON o.id = mine.order_id WHERE o.customer_id = :customer))
                  AND other.sku NOT IN (SELECT mine.sku FROM order_lines mine
                                        JOIN orders o ON o.id = mine.order_id WHERE o.customer_id = :customer)
                GROUP BY p.sku, p.name
                ORDER BY COUNT(*) DESC, p.sku
                LIMIT 3
                """).param("customer", customerId).query(String.class).list());
        if (picks.size() < LIMIT) {
            jdbc.sql("""
                    SELECT p.name FROM products p
                    LEFT JOIN order_lines l ON l.sku = p.sku
                    WHERE p.sku NOT IN (SELECT mine.sku FROM order_lines mine
                                        JOIN orders o ON o.id = mine.order_id WHERE o.customer_id = :customer)
                    GROUP BY p.sku, p.name
                    ORDER BY COALESCE(SUM(l.quantity), 0) DESC, p.sku
                    LIMIT 6
                    """).param("customer", customerId).query(String.class).list().stream()
                    .filter(name -> !picks.contains(name))
                    .limit(LIMIT - picks.size())
                    .forEach(picks::add);
        }
        return picks;
    }
}
