package io.nurture.shipping;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The sandbox carrier's books in table {@code sandbox_carrier_bookings}, each write committed at once. */
@Component
@ConditionalOnProperty(name = "nurture.shipping.carrier", havingValue = "sandbox", matchIfMissing = true)
class JdbcCarrierBooks implements CarrierBooks {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    JdbcCarrierBooks(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public Optional<Booking> find(String bookingKey) {
        return ownTransaction.execute(status -> jdbc
                .query(
                        "SELECT booking_key, tracking_number, cancelled"
                                + " FROM sandbox_carrier_bookings WHERE booking_key = ?",
                        (row, n) -> new Booking(row.getString(1), row.getString(2), row.getBoolean(3)),
                        bookingKey)
                .stream()
                .findFirst());
    }

    @Override
    public Booking keepFirst(Booking booking) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.update(
                    "INSERT INTO sandbox_carrier_bookings (booking_key,"
                            + " tracking_number, cancelled, created_at) VALUES (?, ?, FALSE, ?)",
                    booking.bookingKey(),
                    booking.trackingNumber(),
                    Timestamp.from(clock.instant())));
            return booking;
        } catch (DuplicateKeyException concurrentCallWithTheSameKey) {
            return find(booking.bookingKey()).orElseThrow();
        }
    }

    @Override
    public void cancel(String bookingKey) {
        ownTransaction.executeWithoutResult(status ->
                jdbc.update("UPDATE sandbox_carrier_bookings SET cancelled = TRUE WHERE booking_key = ?", bookingKey));
    }
}
