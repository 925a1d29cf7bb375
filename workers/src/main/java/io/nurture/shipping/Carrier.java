package io.nurture.shipping;

import io.nurture.order.ShippingAddress;

/**
 * The parcel carrier. Bookings are keyed by the caller, as real carriers' idempotency keys are:
 * booking again under a key answers the first booking's tracking number.
 */
interface Carrier {

    String name();

    String bookShipment(String bookingKey, ShippingAddress address, int parcels);

    /** A prepaid label for a parcel the customer sends back from {@code from} to the shop; its tracking number. */
    String bookReturnLabel(String bookingKey, ShippingAddress from);

    /** Cancels the booking made under the key; a key never booked, or cancelled before, changes nothing. */
    void cancelBooking(String bookingKey);
}
