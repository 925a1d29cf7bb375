/**
 * Parcels: booked once per order with the carrier through the {@link io.nurture.shipping.Carrier}
 * port, then followed by the carrier's events ({@link io.nurture.shipping.CarrierEvents}); a
 * delivery goes on to the order's process, an overdue one alerts customer and ops.
 */
package io.nurture.shipping;
