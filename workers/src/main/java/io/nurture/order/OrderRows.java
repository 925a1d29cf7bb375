package io.nurture.order;

import io.nurture.notification.MailableOrder;
import io.nurture.persistence.QuantitiesBySku;
import io.nurture.persistence.UtcColumns;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An order as the steps every order takes (reserve, charge, hand over) need it, in plain SQL:
 * through JPA a lock read every column of the order and the commit compared them all again, and
 * the same statements cost the app twice the CPU (docs/performance.md, issue 27's twentieth and
 * twenty-first parts). The locks, the rule of a status move and the timeline are
 * {@link OrderService}'s and {@link Order}'s; a move moves the order's version, as the entity's
 * own changes do, so a change read before it is refused.
 */
@Component
public class OrderRows {

    private final JdbcClient db;
    private final Clock clock;

    OrderRows(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What the steps read of an order they locked, as it was when they locked it. */
    public record Locked(
            String id,
            String customerId,
            OrderStatus status,
            BigDecimal total,
            String currency,
            String cardToken,
            ShippingAddress shippingAddress,
            String trackingNumber,
            boolean cancellationRequested) {

        /** Without the card token and the address: a locked order may end up in a log. */
        @Override
        public String toString() {
            return "Order " + id + " (" + status + (cancellationRequested ? ", being cancelled" : "") + ")";
        }
    }

    /** Locks the order until the transaction ends, as {@link OrderService#lock} does. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Locked lock(String orderId) {
        return db.sql("SELECT customer_id, status, total, currency, card_token, ship_line1, ship_city,"
                        + " ship_postal_code, ship_country, tracking_number,"
                        + " cancellation_requested_at IS NOT NULL AS cancelling"
                        + " FROM orders WHERE id = :id FOR UPDATE")
                .param("id", orderId)
                .query((rs, row) -> new Locked(
                        orderId,
                        rs.getString("customer_id"),
                        OrderStatus.valueOf(rs.getString("status")),
                        rs.getBigDecimal("total"),
                        rs.getString("currency"),
                        rs.getString("card_token"),
                        new ShippingAddress(
                                rs.getString("ship_line1"),
                                rs.getString("ship_city"),
                                rs.getString("ship_postal_code"),
                                rs.getString("ship_country")),
                        rs.getString("tracking_number"),
                        rs.getBoolean("cancelling")))
                .optional()
                .orElseThrow(() -> new UnknownOrderException(orderId));
    }

    /**
     * Locks the order a preparation step is about to act on, as {@link OrderService#lockToProceed}
     * does: an order whose cancellation was requested fails the step with {@link CancellationRequestedException}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Locked lockToProceed(String orderId) {
        Locked order = lock(orderId);
        if (order.cancellationRequested()) {
            throw new CancellationRequestedException(orderId);
        }
        return order;
    }

    /** What the order holds: its quantity of each product, by SKU (a SKU may stand on several lines). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Integer> quantitiesBySku(String orderId) {
        return QuantitiesBySku.read(
                db.sql("SELECT sku, SUM(quantity) FROM order_lines WHERE order_id = :id GROUP BY sku")
                        .param("id", orderId));
    }

    /**
     * The order the caller locked is paid: it moves to PAID and its timeline says why, once
     * ({@link Order#moveTo}'s rule: nothing when it is there already, never from a finished status).
     * Only the statuses without side effects of their own move here: an order's end, its delivery
     * and its return go through {@link OrderService}. Answers the order as its mail shows it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public MailableOrder paid(Locked order, String note) {
        if (moves(order, OrderStatus.PAID)) {
            Instant now = clock.instant();
            db.sql("UPDATE orders SET status = 'PAID', updated_at = :now, version = version + 1 WHERE id = :id")
                    .param("now", UtcColumns.utc(now))
                    .param("id", order.id())
                    .update();
            addToTimeline(order, OrderStatus.PAID, note, now);
        }
        return new OrderInMail(order, order.trackingNumber());
    }

    /** The carrier took the parcel of an order the caller locked: it is shipped with its tracking number, once. */
    @Transactional(propagation = Propagation.MANDATORY)
    public MailableOrder shipped(Locked order, String trackingNumber, String note) {
        if (moves(order, OrderStatus.SHIPPED)) {
            Instant now = clock.instant();
            db.sql("UPDATE orders SET status = 'SHIPPED', tracking_number = :trackingNumber, updated_at = :now,"
                            + " version = version + 1 WHERE id = :id")
                    .param("trackingNumber", trackingNumber)
                    .param("now", UtcColumns.utc(now))
                    .param("id", order.id())
                    .update();
            addToTimeline(order, OrderStatus.SHIPPED, note, now);
        }
        return new OrderInMail(order, trackingNumber);
    }

    private static boolean moves(Locked order, OrderStatus next) {
        if (order.status() == next) {
            return false;
        }
        if (order.status().isFinished()) {
            throw new IllegalStateException(
                    "Order " + order.id() + " is " + order.status() + " and cannot become " + next);
        }
        return true;
    }

    private void addToTimeline(Locked order, OrderStatus status, String note, Instant at) {
        db.sql("INSERT INTO order_timeline (order_id, at, status, note) VALUES (:id, :at, :status, :note)")
                .param("id", order.id())
                .param("at", UtcColumns.utc(at))
                .param("status", status.name())
                .param("note", note)
                .update();
    }

    /** A line as a mail shows it. */
    public record MailLine(String sku, int quantity) {}

    private final class OrderInMail implements MailableOrder {

        private final Locked order;
        private final String trackingNumber;
        private final List<MailLine> lines;

        OrderInMail(Locked order, String trackingNumber) {
            this.order = order;
            this.trackingNumber = trackingNumber;
            this.lines = new LinesReadWhenShown(order.id());
        }

        @Override
        public String getId() {
            return order.id();
        }

        @Override
        public String getCustomerId() {
            return order.customerId();
        }

        @Override
        public BigDecimal getTotal() {
            return order.total();
        }

        @Override
        public String getCurrency() {
            return order.currency();
        }

        @Override
        public String getTrackingNumber() {
            return trackingNumber;
        }

        @Override
        public List<MailLine> getLines() {
            return lines;
        }
    }

    /**
     * Read only if the mail's template shows them, as the entity's lazy lines are: the shipping mail
     * does not. The mail is rendered in the step's transaction; read after it, the lines would come
     * from a statement of their own.
     */
    private final class LinesReadWhenShown extends AbstractList<MailLine> {

        private final String orderId;
        private List<MailLine> read;

        LinesReadWhenShown(String orderId) {
            this.orderId = orderId;
        }

        @Override
        public MailLine get(int index) {
            return lines().get(index);
        }

        @Override
        public int size() {
            return lines().size();
        }

        private List<MailLine> lines() {
            if (read == null) {
                read = db.sql("SELECT sku, quantity FROM order_lines WHERE order_id = :id ORDER BY line_no")
                        .param("id", orderId)
                        .query(MailLine.class)
                        .list();
            }
            return read;
        }
    }
}
