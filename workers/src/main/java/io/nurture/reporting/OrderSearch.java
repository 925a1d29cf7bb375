package io.nurture.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the orders a customer calls about by whatever they have at hand: the order id, their e-mail
 * address, a tracking number (the parcel's or a return label's) or a payment reference (a bank
 * transfer's or the provider's). Each is an exact match on an indexed or small column.
 */
@Component
public class OrderSearch {

    static final int MOST = 50;

    private final JdbcClient jdbc;

    OrderSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param matchedBy what the search text was: ORDER_ID, EMAIL, TRACKING_NUMBER or PAYMENT_REFERENCE */
    public record Found(
            String orderId,
            String customerId,
            String status,
            BigDecimal total,
            String currency,
            Instant placedAt,
            String matchedBy) {}

    /** Newest first, at most 50. */
    @Transactional(readOnly = true)
    public List<Found> find(String text) {
        return jdbc.sql("""
                        SELECT o.id, o.customer_id, o.status, o.total, o.currency, o.created_at, m.matched_by
                        FROM (
                          SELECT id AS order_id, 'ORDER_ID' AS matched_by FROM orders WHERE id = :text
                          UNION SELECT o.id, 'EMAIL' FROM orders o JOIN customers c ON c.id = o.customer_id
                                WHERE c.email = :text
                          UNION SELECT order_id, 'TRACKING_NUMBER' FROM shipments WHERE tracking_number = :text
                          UNION SELECT order_id, 'TRACKING_NUMBER' FROM return_parcels WHERE tracking_number = :text
                          UNION SELECT order_id, 'PAYMENT_REFERENCE' FROM payments
                                WHERE reference = :text OR provider_reference = :text
                        ) m JOIN orders o ON o.id = m.order_id
                        ORDER BY o.created_at DESC, o.id
                        LIMIT :most
                        """)
                .param("text", text)
                .param("most", MOST)
                .query((rs, row) -> new Found(
                        rs.getString("id"),
                        rs.getString("customer_id"),
                        rs.getString("status"),
                        rs.getBigDecimal("total"),
                        rs.getString("currency"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("matched_by")))
                .list();
    }
}
