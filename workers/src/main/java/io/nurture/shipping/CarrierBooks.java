package io.nurture.shipping;

import java.util.Optional;

/**
 * The sandbox carrier's own books, by booking key. Kept apart from Nurture's shipments and written
 * in their own transaction, as a real carrier's are: a booking stays made when the transaction of
 * the Nurture step that asked for it fails.
 */
interface CarrierBooks {

    Optional<Booking> find(String bookingKey);

    /** Keeps the booking unless one was kept under its key before; answers the one kept. */
    Booking keepFirst(Booking booking);

    void cancel(String bookingKey);

    record Booking(String bookingKey, String trackingNumber, boolean cancelled) {}
}
