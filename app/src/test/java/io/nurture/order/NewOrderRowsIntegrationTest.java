package io.nurture.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.nurture.testing.NurtureIntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new order is written in plain SQL (issue 27): its rows must be the ones the entity's own insert
 * writes, column by column, so a column the entity gains and the insert misses shows here.
 */
@NurtureIntegrationTest
class NewOrderRowsIntegrationTest {

    /** What differs between two orders by nature: their keys and the moment each was drafted. */
    private static final Set<String> OWN = Set.of("id", "order_id", "created_at", "updated_at", "at");

    @Autowired
    OrderService orders;

    @Autowired
    OrderRepository entities;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient db;

    @Test
    void aPlacedOrdersRowsAreTheOnesTheEntityWouldHaveWritten() {
        String customerId = customer();

        Order placed = transaction.execute(status -> orders.place(draft(customerId)));
        Order persisted = transaction.execute(status -> entities.saveAndFlush(draft(customerId)));

        assertThat(rows("SELECT * FROM orders WHERE id = ?", placed))
                .isEqualTo(rows("SELECT * FROM orders WHERE id = ?", persisted))
                .singleElement()
                .satisfies(order -> assertThat(order)
                        .containsEntry("coupon_code", "SAVE5")
                        .containsEntry("referral_code", "REF-ABC")
                        .containsEntry("total", new BigDecimal("29.90")));
        assertThat(rows("SELECT * FROM order_lines WHERE order_id = ? ORDER BY line_no", placed))
                .isEqualTo(rows("SELECT * FROM order_lines WHERE order_id = ? ORDER BY line_no", persisted))
                .hasSize(2);
        assertThat(rows("SELECT * FROM order_timeline WHERE order_id = ? ORDER BY id", placed))
                .isEqualTo(rows("SELECT * FROM order_timeline WHERE order_id = ? ORDER BY id", persisted))
                .extracting(entry -> entry.get("note"))
                .containsExactly("Order received", "A remark");
    }

    private Order draft(String customerId) {
        Order draft = orders.draft(new NewOrder(
                customerId,
                PaymentMethod.CARD,
                "tok_visa",
                new ShippingAddress("1 Main St", "Berlin", "10115", "DE"),
                "AT",
                "EUR",
                List.of(
                        new NewOrder.Line("TEA-SENCHA-100", 2, new BigDecimal("12.50")),
                        new NewOrder.Line("TEA-EARLGREY-100", 1, new BigDecimal("9.90")))));
        orders.redeem(draft, "SAVE5", new BigDecimal("5.00"));
        orders.referredWith(draft, "REF-ABC");
        orders.note(draft, "A remark");
        return draft;
    }

    private List<Map<String, Object>> rows(String sql, Order order) {
        return db.sql(sql).params(order.getId()).query().listOfRows().stream()
                .map(row -> row.entrySet().stream()
                        .filter(column -> !OWN.contains(column.getKey().toLowerCase()))
                        .filter(column -> column.getValue() != null)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
                .toList();
    }

    private String customer() {
        String id = UUID.randomUUID().toString();
        db.sql("INSERT INTO customers (id, email, name, created_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP(6))")
                .params(id, "new-order-rows-" + id + "@example.com", "Ada")
                .update();
        return id;
    }
}
