/**
 * Orders: what was bought, by whom, where it goes, and its status with a timeline entry for every
 * change. {@link io.nurture.order.OrderService} moves an order and tells the customer; a
 * preparation step locks the order with {@code lockToProceed}, which refuses an order whose
 * cancellation was requested. {@link io.nurture.order.PurchaseHistory} answers
 * what a customer bought, for the journeys.
 */
package io.nurture.order;
