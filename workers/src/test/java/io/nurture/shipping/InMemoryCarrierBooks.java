package io.nurture.shipping;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The sandbox carrier's books for tests without a database. */
class InMemoryCarrierBooks implements CarrierBooks {

    private final Map<String, Booking> bookings = new ConcurrentHashMap<>();

    @Override
    public Optional<Booking> find(String bookingKey) {
        return Optional.ofNullable(bookings.get(bookingKey));
    }

    @Override
    public Booking keepFirst(Booking booking) {
        return bookings.computeIfAbsent(booking.bookingKey(), key -> booking);
    }

    @Override
    public void cancel(String bookingKey) {
        bookings.computeIfPresent(bookingKey, (key, booking) -> new Booking(key, booking.trackingNumber(), true));
    }
}
