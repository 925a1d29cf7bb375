package io.nurture.order;

import io.nurture.persistence.UtcColumns;
import java.util.ArrayList;
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

    private static final String LINE = "(?, ?, ?, ?, ?)";
    private static final String TIMELINE_ENTRY = "(?, ?, ?, ?, ?)";

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
        List<Object> values = new ArrayList<>();
        for (OrderLine line : draft.getLines()) {
            Collections.addAll(
                    values, draft.getId(), line.lineNo(), line.getSku(), line.getQuantity(), line.getUnitPrice());
        }
        db.sql("INSERT INTO order_lines (order_id, line_no, sku, quantity, unit_price) VALUES "
                        + String.join(", ", Collections.nCopies(draft.getLines().size(), LINE)))
                .params(values)
                .update();
    }

    private void insertTimeline(Order draft) {
        List<Object> values = new ArrayList<>();
        for (TimelineEntry entry : draft.getTimeline()) {
            Collections.addAll(
                    values,
                    draft.getId(),
                    UtcColumns.utc(entry.getAt()),
                    entry.getStatus().name(),
                    entry.getNote(),
                    entry.getDecidedBy());
        }
        db.sql("INSERT INTO order_timeline (order_id, at, status, note, decided_by) VALUES "
                        + String.join(
                                ", ", Collections.nCopies(draft.getTimeline().size(), TIMELINE_ENTRY)))
                .params(values)
                .update();
    }
}
