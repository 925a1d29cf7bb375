package io.nurture.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.nurture.testing.NurtureIntegrationTest;
import io.nurture.testing.Tables;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new order is written in plain SQL (issue 27): its rows must be the ones the entity's own insert
 * writes, column by column, so a column the entity gains and the insert misses shows here. The two
 * drafts are made at one instant, with every column a draft can fill set, so nothing is left out
 * of the comparison but the keys.
 */
@NurtureIntegrationTest
class NewOrderRowsIntegrationTest {

    /** What differs between two orders by nature: their keys. */
    private static final Set<String> KEYS = Set.of("id", "order_id");

    private static final Instant DRAFTED = Instant.parse("2026-12-07T10:00:00.123456Z");

    @Autowired
    OrderService orders;

    @Autowired
    OrderRepository entities;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient db;

    @Autowired
    Tables tables;

    @Test
    void aPlacedOrdersRowsAreTheOnesTheEntityWouldHaveWritten() {
        String customerId = tables.storedCustomer("new-order-rows", "2026-12-07 09:00:00");

        Order placed = draft(customerId);
        Order persisted = draft(customerId);

        transaction.executeWithoutResult(status -> orders.place(placed));
        transaction.executeWithoutResult(status -> entities.saveAndFlush(persisted));

        assertThat(rows("SELECT * FROM orders WHERE id = ?", placed))
                .isEqualTo(rows("SELECT * FROM orders WHERE id = ?", persisted))
                .singleElement()
                .satisfies(order -> assertThat(order)
                        .containsEntry("coupon_code", "SAVE5")
                        .containsEntry("referral_code", "REF-ABC")
                        .containsEntry("replaces_order_id", "an-earlier-order")
                        .containsEntry("created_at", LocalDateTime.parse("2026-12-07T10:00:00.123456"))
                        .containsEntry("total", new BigDecimal("29.90")));
        assertThat(rows("SELECT * FROM order_lines WHERE order_id = ? ORDER BY line_no", placed))
                .isEqualTo(rows("SELECT * FROM order_lines WHERE order_id = ? ORDER BY line_no", persisted))
                .hasSize(2);
        assertThat(rows("SELECT * FROM order_timeline WHERE order_id = ? ORDER BY id", placed))
                .isEqualTo(rows("SELECT * FROM order_timeline WHERE order_id = ? ORDER BY id", persisted))
                .extracting(entry -> entry.get("note"), entry -> entry.get("decided_by"))
                .containsExactly(tuple("Order received", null), tuple("A remark", "staff-client"));
    }

    private static Order draft(String customerId) {
        Order draft = new Order(
                customerId,
                PaymentMethod.CARD,
                "tok_visa",
                new ShippingAddress("1 Main St", "Berlin", "10115", "DE"),
                "AT",
                "EUR",
                DRAFTED);
        draft.addLine("TEA-SENCHA-100", 2, new BigDecimal("12.50"));
        draft.addLine("TEA-EARLGREY-100", 1, new BigDecimal("9.90"));
        draft.redeem("SAVE5", new BigDecimal("5.00"));
        draft.referredWith("REF-ABC");
        draft.replaces("an-earlier-order");
        draft.note("A remark", DRAFTED.plusSeconds(1), "staff-client");
        return draft;
    }

    private List<Map<String, Object>> rows(String sql, Order order) {
        return db.sql(sql).params(order.getId()).query().listOfRows().stream()
                .map(NewOrderRowsIntegrationTest::withoutKeys)
                .toList();
    }

    private static Map<String, Object> withoutKeys(Map<String, Object> row) {
        Map<String, Object> columns = new HashMap<>(row);
        columns.keySet().removeIf(column -> KEYS.contains(column.toLowerCase()));
        return columns;
    }
}
