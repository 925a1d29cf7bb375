package io.nurture.order;

import io.nurture.notification.MailableOrder;
import io.nurture.persistence.UtcColumns;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An order as its hand-over to the carrier needs it, in plain SQL: through JPA the step's two locks
 * read every column of the order and its commit compared them all again, on a step every order
 * takes (docs/performance.md, issue 27's twenty-first part). Moving the status moves the order's
 * version, as the entity's own changes do, so a staff change read before it is refused.
 */
@Component
public class OrderHandOver {

    private final JdbcClient db;
    private final Clock clock;

    OrderHandOver(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What the hand-over reads of the order it locked. */
    public record Locked(
            String id,
            String customerId,
            OrderStatus status,
            BigDecimal total,
            String currency,
            ShippingAddress shippingAddress) {}

    /**
     * Locks the order about to be handed to the carrier, as {@link OrderService#lockToProceed} does:
     * an order whose cancellation was requested fails the step with {@link CancellationRequestedException}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Locked lockToShip(String orderId) {
        return db.sql("SELECT cancellation_requested_at IS NOT NULL AS cancelling, customer_id, status, total,"
                        + " currency, ship_line1, ship_city, ship_postal_code, ship_country"
                        + " FROM orders WHERE id = :id FOR UPDATE")
                .param("id", orderId)
                .query((rs, row) -> {
                    if (rs.getBoolean("cancelling")) {
                        throw new CancellationRequestedException(orderId);
                    }
                    return new Locked(
                            orderId,
                            rs.getString("customer_id"),
                            OrderStatus.valueOf(rs.getString("status")),
                            rs.getBigDecimal("total"),
                            rs.getString("currency"),
                            new ShippingAddress(
                                    rs.getString("ship_line1"),
                                    rs.getString("ship_city"),
                                    rs.getString("ship_postal_code"),
                                    rs.getString("ship_country")));
                })
                .optional()
                .orElseThrow(() -> new UnknownOrderException(orderId));
    }

    /**
     * The carrier took the parcel of an order {@link #lockToShip} locked: the order is shipped with
     * its tracking number and its timeline says why, once ({@link Order#moveTo}'s rule). Answers the
     * order as its mail shows it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public MailableOrder shipped(Locked order, String trackingNumber, String note) {
        if (order.status() != OrderStatus.SHIPPED) {
            if (order.status().isFinished()) {
                throw new IllegalStateException(
                        "Order " + order.id() + " is " + order.status() + " and cannot become SHIPPED");
            }
            Instant now = clock.instant();
            db.sql("UPDATE orders SET status = 'SHIPPED', tracking_number = :trackingNumber, updated_at = :now,"
                            + " version = version + 1 WHERE id = :id")
                    .param("trackingNumber", trackingNumber)
                    .param("now", UtcColumns.utc(now))
                    .param("id", order.id())
                    .update();
            db.sql("INSERT INTO order_timeline (order_id, at, status, note) VALUES (:id, :now, 'SHIPPED', :note)")
                    .param("id", order.id())
                    .param("now", UtcColumns.utc(now))
                    .param("note", note)
                    .update();
        }
        return new ShippedOrder(order, trackingNumber);
    }

    /** A line as a mail shows it. */
    public record MailLine(String sku, int quantity) {}

    private final class ShippedOrder implements MailableOrder {

        private final Locked order;
        private final String trackingNumber;
        private final List<MailLine> lines;

        ShippedOrder(Locked order, String trackingNumber) {
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

    /** Read only if the mail's template shows them, as the entity's lazy lines are: the shipping mail does not. */
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
