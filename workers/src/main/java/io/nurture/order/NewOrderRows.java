package io.nurture.order;

import io.nurture.persistence.UtcColumns;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A new order written in plain SQL: the order, its lines in one statement and its timeline so far.
 * Through JPA the order's insert, its lines' and its timeline's each went through Hibernate's
 * persist and the flush's checks, the largest part of a placement (docs/performance.md, issue 27's
 * twenty-second part). The draft stays an {@link Order}, whose rules made it (lines, total,
 * coupon, referral); it is not managed afterwards, and a later step reads the order from its rows.
 *
 * <p>The caller's entities are flushed first, through a repository (which translates what the
 * flush raises): a customer the placement registered exists for the order's foreign key, and a
 * customer registered twice at once fails here as Spring's {@code DataIntegrityViolationException},
 * which the placement retries on.
 */
@Component
class NewOrderRows {

    private final JdbcClient db;
    private final OrderRepository entities;

    NewOrderRows(JdbcClient db, OrderRepository entities) {
        this.db = db;
        this.entities = entities;
    }

    /** Writes a draft: a new order, as its constructor and the placement's rules left it. */
    void insert(Order draft) {
        entities.flush();
        db.sql("INSERT INTO orders (id, customer_id, status, total, currency, payment_method, card_token,"
                        + " ship_line1, ship_city, ship_postal_code, ship_country, billing_country, discount,"
                        + " coupon_code, referral_code, replaces_order_id, created_at, updated_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(
                        draft.getId(),
                        draft.getCustomerId(),
                        draft.getStatus().name(),
                        draft.getTotal(),
                        draft.getCurrency(),
                        draft.getPaymentMethod().name(),
                        draft.getCardToken(),
                        draft.getShippingAddress().line1(),
                        draft.getShippingAddress().city(),
                        draft.getShippingAddress().postalCode(),
                        draft.getShippingAddress().country(),
                        draft.getBillingCountry(),
                        draft.discount(),
                        draft.couponCode(),
                        draft.getReferralCode(),
                        draft.getReplacesOrderId(),
                        UtcColumns.utc(draft.getCreatedAt()),
                        UtcColumns.utc(draft.updatedAt()))
                .update();
        insertLines(draft);
        insertTimeline(draft);
    }

    private void insertLines(Order draft) {
        if (draft.getLines().isEmpty()) {
            throw new IllegalArgumentException("Order " + draft.getId() + " has no lines to place");
        }
        insertRows(
                "order_lines (order_id, line_no, sku, quantity, unit_price)",
                draft.getLines().stream()
                        .map(line -> List.<Object>of(
                                draft.getId(), line.lineNo(), line.getSku(), line.getQuantity(), line.getUnitPrice()))
                        .toList());
    }

    private void insertTimeline(Order draft) {
        insertRows(
                "order_timeline (order_id, at, status, note, decided_by)",
                draft.getTimeline().stream()
                        .map(entry -> Arrays.<Object>asList(
                                draft.getId(),
                                UtcColumns.utc(entry.getAt()),
                                entry.getStatus().name(),
                                entry.getNote(),
                                entry.getDecidedBy()))
                        .toList());
    }

    /** One statement for all the rows: a placement waits on each round trip. */
    private void insertRows(String tableAndColumns, List<List<Object>> rows) {
        String row = "(" + String.join(", ", Collections.nCopies(rows.get(0).size(), "?")) + ")";
        db.sql("INSERT INTO " + tableAndColumns + " VALUES " + String.join(", ", Collections.nCopies(rows.size(), row)))
                .params(rows.stream().flatMap(List::stream).toList())
                .update();
    }
}
