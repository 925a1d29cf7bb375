package io.nurture.shipping;

import io.nurture.order.ShippingAddress;

/** The parcel carrier. Booking the same order twice returns the first tracking number. */
interface Carrier {

    String name();

    String bookShipment(String orderId, ShippingAddress address, int parcels);
}
