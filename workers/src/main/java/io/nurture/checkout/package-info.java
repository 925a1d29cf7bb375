/**
 * Placing an order: the shop's checkout handed to Nurture. {@link io.nurture.checkout.OrderPlacement}
 * checks the lines against the catalogue, registers or updates the customer from the order form,
 * applies a coupon and a referral, stores the order and starts its process through the engine
 * outbox, all in one transaction, once per Idempotency-Key.
 */
package io.nurture.checkout;
